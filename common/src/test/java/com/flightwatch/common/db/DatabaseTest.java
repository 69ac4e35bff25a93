package com.flightwatch.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void withBatchRewrite_urlWithoutQuery_addsIt() {
        assertThat(Database.withBatchRewrite("jdbc:mysql://db:3306/fw"))
                .isEqualTo("jdbc:mysql://db:3306/fw?rewriteBatchedStatements=true");
    }

    @Test
    void withBatchRewrite_urlWithQuery_appendsIt() {
        assertThat(Database.withBatchRewrite("jdbc:mysql://db/fw?sslMode=DISABLED"))
                .isEqualTo("jdbc:mysql://db/fw?sslMode=DISABLED&rewriteBatchedStatements=true");
    }

    @Test
    void withBatchRewrite_urlThatSetsIt_isLeftAlone() {
        String url = "jdbc:mysql://db/fw?rewriteBatchedStatements=false";

        assertThat(Database.withBatchRewrite(url)).isEqualTo(url);
    }
}
