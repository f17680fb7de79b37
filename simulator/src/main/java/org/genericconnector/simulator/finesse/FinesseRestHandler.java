package org.genericconnector.simulator.finesse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The REST entry of one node: applies the node's faults (delay, forced 503s, OUT_OF_SERVICE), checks HTTP Basic
 * credentials against the model's agents (loginId or loginName), routes {@code /finesse/api/...} to the
 * resources, echoes the {@code requestId} header and writes ApiErrors for synchronous errors (finesse.md §5).
 * SystemInfo answers without credentials and while out of service (clients poll it to learn the status).
 *
 * <p>Thread-safe: each request runs on its own virtual thread; state lives in the model and the node.
 */
final class FinesseRestHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseRestHandler.class);
    private static final String PREFIX = "/finesse/api/";
    private static final int MAX_BODY = 1 << 20;

    private final FinesseNode node;
    private final ContactCenter center;
    private final FinesseUserResource users;
    private final FinesseDialogResource dialogs;
    private final FinesseCatalogueResource catalogue;

    FinesseRestHandler(FinesseNode node, ContactCenter center, FinesseUserResource users, FinesseDialogResource dialogs,
                       FinesseCatalogueResource catalogue) {
        this.node = node;
        this.center = center;
        this.users = users;
        this.dialogs = dialogs;
        this.catalogue = catalogue;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!node.webappUp()) {
            exchange.close(); // no answer at all, as with Finesse's Tomcat down
            return;
        }
        String requestId = exchange.getRequestHeaders().getFirst("requestId");
        FinesseResponse response;
        try {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw FinesseApiException.invalidInput("the body is larger than " + MAX_BODY + " bytes");
            }
            node.delay();
            response = answer(exchange, body, requestId == null ? "" : requestId);
        } catch (FinesseApiException e) {
            response = new FinesseResponse(e.status(), FinesseMessages.apiErrors(e.errorType(), e.getMessage(), ""));
        } catch (RuntimeException e) {
            LOG.warn("node {}: {} {} failed", node.name(), exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = new FinesseResponse(500, FinesseMessages.apiErrors("RUNTIME_EXCEPTION", e.toString(), ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response = new FinesseResponse(503, FinesseMessages.apiErrors("Service Unavailable", "interrupted", ""));
        }
        write(exchange, response, requestId);
    }

    private FinesseResponse answer(HttpExchange exchange, byte[] body, String requestId) {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(PREFIX)) {
            throw FinesseApiException.notFound(path);
        }
        if (node.takeForcedFailure()) {
            throw new FinesseApiException(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE (fault injected)");
        }
        List<String> segments = Arrays.stream(path.substring(PREFIX.length()).split("/")).filter(s -> !s.isEmpty()).toList();
        String method = exchange.getRequestMethod();
        if (segments.equals(List.of("SystemInfo")) && method.equals("GET")) {
            return FinesseResponse.ok(node.systemInfo());
        }
        if (!node.inService()) {
            throw new FinesseApiException(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE");
        }
        AgentView actor = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        FinesseRequest request = new FinesseRequest(method, segments, query(exchange.getRequestURI().getRawQuery()), body,
                requestId, actor);
        return route(request);
    }

    private FinesseResponse route(FinesseRequest r) {
        return switch (r.segment(0)) {
            case "User" -> r.segments().size() >= 3 && r.segment(2).equals("Dialogs") && r.method().equals("POST")
                    ? dialogs.create(r) : users.handle(r);
            case "Dialog" -> dialogs.handle(r);
            default -> catalogue.handle(r);
        };
    }

    private AgentView authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new FinesseApiException(401, "Authorization Failure", "UNAUTHORIZED");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FinesseApiException(401, "Authorization Failure", "UNAUTHORIZED");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new FinesseApiException(401, "Authorization Failure", "UNAUTHORIZED");
        }
        String user = decoded.substring(0, colon);
        String id = center.directory().agents().stream().filter(a -> a.id().equals(user) || user.equals(a.loginName()))
                .map(a -> a.id()).findFirst().orElse(user);
        try {
            return center.authenticate(id, decoded.substring(colon + 1));
        } catch (RefusedException e) {
            throw new FinesseApiException(401, "Authorization Failure", "UNAUTHORIZED");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.put(key, eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void write(HttpExchange exchange, FinesseResponse response, String requestId) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        if (requestId != null) {
            exchange.getResponseHeaders().set("requestId", requestId);
        }
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
