package dev.llmobs.gateway.web;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The gateway's HTTP/1.1 connector. Jetty answers some requests it cannot parse with a 5xx (505 for
 * an unknown HTTP version, 501 for an unknown transfer coding); they are the client's fault, so the
 * client gets 400, like any other malformed request.
 */
public final class GatewayConnector {

  private GatewayConnector() {}

  public static ServerConnector create(
      Server server, HttpConfiguration config, String host, int port) {
    ServerConnector connector = new ServerConnector(server, new ConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  private static final class ConnectionFactory extends HttpConnectionFactory {
    ConnectionFactory(HttpConfiguration config) {
      super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
      HttpConnection connection =
          new HttpConnection(
              getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations()) {
            @Override
            protected HttpChannelOverHttp newHttpChannel() {
              return new HttpChannelOverHttp(
                  this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
                @Override
                public void onBadMessage(BadMessageException failure) {
                  super.onBadMessage(
                      failure.getCode() >= 500
                          ? new BadMessageException(400, failure.getReason(), failure)
                          : failure);
                }
              };
            }
          };
      return configure(connection, connector, endPoint);
    }
  }
}
