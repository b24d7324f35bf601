package iq.gov.bcc.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheChainMeanTheDatabaseIsUnreachable() {
        assertThat(DatabaseOutage.isCause(new RuntimeException("wrapped",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException())))).isTrue();
        assertThat(DatabaseOutage.isCause(new IllegalStateException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(DatabaseOutage.isCause(
                new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLTransientConnectionException())).isTrue();
    }

    @Test
    void otherDatabaseErrorsStayInternalErrors() {
        assertThat(DatabaseOutage.isCause(
                new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
        assertThat(DatabaseOutage.isCause(null)).isFalse();
    }
}
