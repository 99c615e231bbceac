package com.example.stores;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Conversations in a real database (H2 in memory) over JDBC. */
public class JdbcConversationRepository implements ConversationRepository {

  private final String url;

  public JdbcConversationRepository(String url) throws SQLException {
    this.url = url;
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS llmobs_store_items"
              + " (conversation_id VARCHAR(200), seq INT AUTO_INCREMENT, item VARCHAR(2000))");
    }
  }

  @Override
  public Optional<List<String>> get(String conversationId) {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT item FROM llmobs_store_items WHERE conversation_id = ? ORDER BY seq")) {
      select.setString(1, conversationId);
      List<String> items = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          items.add(rows.getString(1));
        }
      }
      return items.isEmpty() ? Optional.empty() : Optional.of(items);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void save(String conversationId, List<String> items) {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO llmobs_store_items (conversation_id, item) VALUES (?, ?)")) {
      for (String item : items) {
        insert.setString(1, conversationId);
        insert.setString(2, item);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean delete(String conversationId) {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM llmobs_store_items WHERE conversation_id = ?")) {
      delete.setString(1, conversationId);
      return delete.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
