package dev.llmobs.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversations in a relational database: an embedded H2 file by default, or any JDBC URL
 * (PostgreSQL, ...). The schema is created on start if missing. Each item is a row, so appending
 * writes only the new items.
 */
public final class JdbcConversationStore implements ConversationStore {

  private static final String CONVERSATIONS = "gateway_conversations";
  private static final String ITEMS = "gateway_conversation_items";

  private final HikariDataSource dataSource;

  public JdbcConversationStore(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("gateway-store");
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(5_000);
    try {
      this.dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to the conversation database: " + rootMessage(e), e);
    }
    try {
      createSchema();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private void createSchema() {
    inTransaction(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute(
                "CREATE TABLE IF NOT EXISTS "
                    + CONVERSATIONS
                    + " ("
                    + "id VARCHAR(200) PRIMARY KEY, "
                    + "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            statement.execute(
                "CREATE TABLE IF NOT EXISTS "
                    + ITEMS
                    + " ("
                    + "conversation_id VARCHAR(200) NOT NULL REFERENCES "
                    + CONVERSATIONS
                    + "(id) ON DELETE CASCADE, "
                    + "seq INTEGER NOT NULL, "
                    + "item TEXT NOT NULL, "
                    + "PRIMARY KEY (conversation_id, seq))");
          }
          return null;
        });
  }

  @Override
  public Optional<Conversation> get(String id) {
    return inTransaction(
        connection -> {
          if (!exists(connection, id, false)) {
            return Optional.empty();
          }
          List<String> items = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT item FROM " + ITEMS + " WHERE conversation_id = ? ORDER BY seq")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                items.add(rows.getString(1));
              }
            }
          }
          return Optional.of(new Conversation(id, items));
        });
  }

  @Override
  public void create(Conversation conversation) {
    inTransaction(
        connection -> {
          if (exists(connection, conversation.id(), false)) {
            throw new ConversationExistsException(conversation.id());
          }
          try (PreparedStatement insert =
              connection.prepareStatement("INSERT INTO " + CONVERSATIONS + " (id) VALUES (?)")) {
            insert.setString(1, conversation.id());
            insert.executeUpdate();
          } catch (SQLException e) {
            if (isConstraintViolation(e)) {
              throw new ConversationExistsException(conversation.id());
            }
            throw e;
          }
          insertItems(connection, conversation.id(), 0, conversation.items());
          return null;
        });
  }

  @Override
  public boolean append(String id, List<String> items) {
    return inTransaction(
        connection -> {
          // Locks the conversation row so concurrent appends get distinct sequence numbers.
          if (!exists(connection, id, true)) {
            return false;
          }
          int next;
          try (PreparedStatement max =
              connection.prepareStatement(
                  "SELECT COALESCE(MAX(seq) + 1, 0) FROM "
                      + ITEMS
                      + " WHERE conversation_id = ?")) {
            max.setString(1, id);
            try (ResultSet row = max.executeQuery()) {
              row.next();
              next = row.getInt(1);
            }
          }
          insertItems(connection, id, next, items);
          return true;
        });
  }

  @Override
  public boolean delete(String id) {
    return inTransaction(
        connection -> {
          try (PreparedStatement items =
                  connection.prepareStatement(
                      "DELETE FROM " + ITEMS + " WHERE conversation_id = ?");
              PreparedStatement conversation =
                  connection.prepareStatement("DELETE FROM " + CONVERSATIONS + " WHERE id = ?")) {
            items.setString(1, id);
            items.executeUpdate();
            conversation.setString(1, id);
            return conversation.executeUpdate() > 0;
          }
        });
  }

  @Override
  public long count() {
    return inTransaction(
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + CONVERSATIONS)) {
            row.next();
            return row.getLong(1);
          }
        });
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static boolean exists(Connection connection, String id, boolean lock)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM " + CONVERSATIONS + " WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private static void insertItems(
      Connection connection, String id, int firstSeq, List<String> items) throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + ITEMS + " (conversation_id, seq, item) VALUES (?, ?, ?)")) {
      int seq = firstSeq;
      for (String item : items) {
        insert.setString(1, id);
        insert.setInt(2, seq++);
        insert.setString(3, item);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }

  private static boolean isConstraintViolation(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T inTransaction(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("conversation store (JDBC) failed: " + e.getMessage(), e);
    }
  }
}
