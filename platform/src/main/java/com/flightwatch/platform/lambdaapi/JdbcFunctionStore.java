package com.flightwatch.platform.lambdaapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.stack.FunctionSpec;
import com.flightwatch.platform.store.Jdbc;
import com.flightwatch.platform.store.StoreException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Functions created through the Lambda API, in the platform database's {@code platform_functions} (migration V9). */
public final class JdbcFunctionStore implements FunctionStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {
    };
    private static final String COLUMNS = "function_name, handler, runtime, memory_mb, timeout_seconds, environment,"
            + " code_path, code_sha256, code_size, description, role, architectures, last_modified";

    private final DataSource dataSource;

    public JdbcFunctionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<ManagedFunction> all() {
        return run("read the stored functions", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM platform_functions ORDER BY function_name");
                 ResultSet rows = select.executeQuery()) {
                List<ManagedFunction> functions = new ArrayList<>();
                while (rows.next()) {
                    functions.add(read(rows));
                }
                return functions;
            }
        });
    }

    @Override
    public void save(ManagedFunction function) {
        String sql = "INSERT INTO platform_functions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE handler = VALUES(handler), runtime = VALUES(runtime),"
                + " memory_mb = VALUES(memory_mb), timeout_seconds = VALUES(timeout_seconds),"
                + " environment = VALUES(environment), code_path = VALUES(code_path), code_sha256 = VALUES(code_sha256),"
                + " code_size = VALUES(code_size), description = VALUES(description), role = VALUES(role),"
                + " architectures = VALUES(architectures), last_modified = VALUES(last_modified)";
        run("store function " + function.name(), connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                FunctionSpec spec = function.spec();
                upsert.setString(1, spec.name());
                upsert.setString(2, spec.handler());
                upsert.setString(3, spec.runtime());
                upsert.setInt(4, spec.memoryMb());
                upsert.setInt(5, spec.timeoutSeconds());
                upsert.setString(6, toJson(spec.environment()));
                upsert.setString(7, spec.codePath().toString());
                upsert.setString(8, function.codeSha256());
                upsert.setLong(9, function.codeSize());
                upsert.setString(10, function.description());
                upsert.setString(11, function.role());
                upsert.setString(12, String.join(",", function.architectures()));
                Jdbc.setInstant(upsert, 13, function.lastModified());
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public void delete(String functionName) {
        run("delete stored function " + functionName, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM platform_functions WHERE function_name = ?")) {
                delete.setString(1, functionName);
                return delete.executeUpdate();
            }
        });
    }

    private static ManagedFunction read(ResultSet row) throws SQLException {
        String name = row.getString("function_name");
        FunctionSpec spec = new FunctionSpec(name, name, row.getString("handler"), row.getString("runtime"),
                row.getInt("memory_mb"), row.getInt("timeout_seconds"), fromJson(row.getString("environment"), name),
                Path.of(row.getString("code_path")));
        return new ManagedFunction(spec, row.getString("description"), row.getString("role"),
                Arrays.asList(row.getString("architectures").split(",")), row.getString("code_sha256"),
                row.getLong("code_size"), Jdbc.getInstant(row, "last_modified"));
    }

    private static String toJson(Map<String, String> environment) {
        try {
            return JSON.writeValueAsString(environment);
        } catch (JsonProcessingException e) {
            throw new FunctionStoreException("The environment could not be written as JSON", e);
        }
    }

    private static Map<String, String> fromJson(String environment, String functionName) {
        try {
            return JSON.readValue(environment, VARIABLES);
        } catch (JsonProcessingException e) {
            throw new FunctionStoreException("The stored environment of function " + functionName + " is not JSON", e);
        }
    }

    private <T> T run(String what, Jdbc.SqlWork<T> work) {
        try {
            return Jdbc.withConnection(dataSource, what, work);
        } catch (StoreException e) {
            throw new FunctionStoreException(e.getMessage(), e);
        }
    }
}
