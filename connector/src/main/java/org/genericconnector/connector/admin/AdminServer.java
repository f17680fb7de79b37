package org.genericconnector.connector.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's local admin endpoint: HTTP on 127.0.0.1 only, every request authenticated by the
 * bearer token written to the token file at start. Read-only except the log level:
 * GET /status, GET /agents, GET /destinations, GET and PUT /log-level?logger=X[&amp;level=Y]. JSON answers.
 * Thread-safe: requests run on virtual threads and only read the {@link AdminView}.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final AdminView view;
    private final byte[] token;
    private final Path tokenFile;

    private AdminServer(HttpServer server, ExecutorService executor, AdminView view, String token, Path tokenFile) {
        this.server = server;
        this.executor = executor;
        this.view = view;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.tokenFile = tokenFile;
    }

    /** Binds 127.0.0.1:{@code port} (0: any free port), writes the token file, starts serving. */
    public static AdminServer start(int port, Path tokenFile, AdminView view) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gc-admin-", 0).factory());
        http.setExecutor(executor);
        String token = AdminTokenFile.newToken();
        AdminServer admin = new AdminServer(http, executor, view, token, tokenFile);
        http.createContext("/", admin::handle);
        String url = "http://127.0.0.1:" + http.getAddress().getPort();
        try {
            new AdminTokenFile(url, token, ProcessHandle.current().pid()).write(tokenFile);
        } catch (IOException e) {
            throw new IOException("cannot write the admin token file " + tokenFile + " (key admin.token-file): " + e.getMessage(), e);
        }
        http.start();
        LOG.info("GC-ADMIN-STARTED admin endpoint on {} (token in {})", url, tokenFile);
        return admin;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                reply(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            route(exchange);
        } catch (RuntimeException e) {
            LOG.warn("admin request {} failed", exchange.getRequestURI().getPath(), e);
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && MessageDigest.isEqual(token, header.strip().getBytes(StandardCharsets.UTF_8));
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/status" -> get(exchange, method, view::status);
            case "/agents" -> get(exchange, method, view::agents);
            case "/destinations" -> get(exchange, method, view::destinations);
            case "/log-level" -> logLevel(exchange, method);
            default -> reply(exchange, 404, Map.of("error", "no such resource: " + path));
        }
    }

    private void get(HttpExchange exchange, String method, java.util.function.Supplier<Object> body) throws IOException {
        if (!"GET".equals(method)) {
            reply(exchange, 405, Map.of("error", method + " not allowed; the admin endpoint is read-only here"));
            return;
        }
        reply(exchange, 200, body.get());
    }

    private void logLevel(HttpExchange exchange, String method) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String logger = query.getOrDefault("logger", "ROOT");
        if ("PUT".equals(method)) {
            try {
                LogLevels.set(logger, query.get("level"));
            } catch (IllegalArgumentException | IllegalStateException e) {
                reply(exchange, 400, Map.of("error", e.getMessage()));
                return;
            }
            LOG.warn("GC-ADMIN-LOGLEVEL logger {} set to {} through the admin endpoint", logger, LogLevels.effective(logger));
        } else if (!"GET".equals(method)) {
            reply(exchange, 405, Map.of("error", method + " not allowed; use GET or PUT"));
            return;
        }
        reply(exchange, 200, Map.of("logger", logger, "level", LogLevels.effective(logger)));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops serving and removes the token file. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            LOG.debug("cannot remove {}", tokenFile, e);
        }
        LOG.info("admin endpoint stopped");
    }
}
