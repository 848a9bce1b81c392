package kg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j's embedded database with its Bolt connector: the real engine and Bolt server,
 * no HTTP, listening on 127.0.0.1 only. Started and stopped by scripts/neo4j/server.ts.
 *
 * Usage: java -cp ... kg.Neo4jLauncher <home> <port> <password> [pagecache]
 *   home      data folder (databases, transaction logs, logs, import/)
 *   port      Bolt port on 127.0.0.1
 *   password  given to user neo4j while it still has the initial password that must be changed
 *             (first start); later starts keep the stored password
 *   pagecache size of the page cache (server.memory.pagecache.size), e.g. 128m or 1g; default 128m
 */
public final class Neo4jLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: Neo4jLauncher <home> <port> <password> [pagecache]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = args[2];
        long pageCache = ByteUnit.parse(args.length == 4 ? args[3] : "128m");
        Path importDir = home.resolve("import");
        Files.createDirectories(importDir);

        // neo4j.conf names in comments, so the settings read like the server's documentation.
        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)                      // server.bolt.enabled
                .setConfig(BoltConnector.listen_address, bolt)               // server.bolt.listen_address
                .setConfig(BoltConnector.advertised_address, bolt)           // server.bolt.advertised_address
                .setConfig(GraphDatabaseSettings.auth_enabled, true)         // dbms.security.auth_enabled
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir) // server.directories.import
                .setConfig(GraphDatabaseSettings.allow_file_urls, true)      // dbms.security.allow_csv_import_from_file_urls
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)       // server.memory.pagecache.size
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "100M size") // db.tx_log.rotation.retention_policy
                .setConfig(GraphDatabaseSettings.udc_enabled, false)         // no usage reports over the network
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("kg-neo4j: shutting down");
            dbms.shutdown();
            System.out.println("kg-neo4j: stopped");
        }));

        try {
            setInitialPassword(dbms.database("system"), password);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1); // the shutdown hook closes the store
        }
        System.out.println("kg-neo4j: ready on bolt://127.0.0.1:" + port + " (home " + home + ")");
        Thread.currentThread().join(); // serve until SIGTERM runs the shutdown hook
    }

    /** A fresh store has user neo4j/neo4j with "change required": give it the project's password. */
    private static void setInitialPassword(GraphDatabaseService system, String password) {
        boolean fresh = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
                Map.of(),
                result -> result.hasNext() && Boolean.TRUE.equals(result.next().get("passwordChangeRequired")));
        if (fresh) {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        }
    }
}
