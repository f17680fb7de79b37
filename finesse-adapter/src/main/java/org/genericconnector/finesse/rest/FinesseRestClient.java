package org.genericconnector.finesse.rest;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.TlsVersion;

import org.genericconnector.finesse.error.FinesseErrorMapper;
import org.genericconnector.finesse.error.RequestTarget;
import org.genericconnector.finesse.xml.ApiErrors;
import org.genericconnector.finesse.xml.FinesseXml;
import org.genericconnector.finesse.xml.FinesseXmlException;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.spi.AcdException;

/**
 * REST calls to one Finesse node ({@code <base>/finesse/api/...}): XML bodies through {@link FinesseXml},
 * the caller's credentials on every request, a {@code requestId} header on every action so that its
 * asynchronous outcome can be matched, and failures classified where they enter by
 * {@link FinesseErrorMapper}. Calls are synchronous and meant for virtual threads; {@link RequestGate}
 * bounds them per node. Thread-safe.
 */
public final class FinesseRestClient {
    private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");

    private final OkHttpClient http;
    /** For GETs: a pooled connection the server closed meanwhile is retried on a fresh one (reads are safe to repeat). */
    private final OkHttpClient reads;
    private final HttpUrl base;
    private final RequestGate gate;
    private final FinesseErrorMapper errors = new FinesseErrorMapper();

    public FinesseRestClient(OkHttpClient http, URI base, RequestGate gate) {
        this.http = Objects.requireNonNull(http, "http");
        this.reads = http.newBuilder().retryOnConnectionFailure(true).build(); // same pool and dispatcher
        this.base = Objects.requireNonNull(HttpUrl.get(base.toString()), "base");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * The shared OkHttp client: HTTP/2 where the server offers it, TLS 1.2 or 1.3 verified against
     * {@code tls}, host names checked; plain HTTP only for an {@code http://} base (older UCCX port 8082).
     */
    public static OkHttpClient newHttpClient(FinesseTls tls, java.time.Duration connectTimeout,
                                             java.time.Duration readTimeout, int maxConcurrent) {
        ConnectionSpec modern = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2).build();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(maxConcurrent);
        return new OkHttpClient.Builder()
                .sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager())
                .connectionSpecs(List.of(modern, ConnectionSpec.CLEARTEXT))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(connectTimeout.plus(readTimeout))
                .connectionPool(new ConnectionPool(Math.max(5, maxConcurrent), 5, TimeUnit.MINUTES))
                .dispatcher(dispatcher)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    public URI base() {
        return base.uri();
    }

    /** GET a Finesse object; {@code credentials} null reads without an Authorization header. */
    public <T> T get(String path, Class<T> type, FinesseCredentials credentials, RequestTarget target)
            throws AcdException {
        return get(path, type, credentials, target, Map.of());
    }

    public <T> T get(String path, Class<T> type, FinesseCredentials credentials, RequestTarget target,
                     Map<String, String> headers) throws AcdException {
        Request.Builder request = request(path, credentials).get();
        headers.forEach(request::header);
        String body = call(request.build(), target);
        try {
            return FinesseXml.read(body, type);
        } catch (FinesseXmlException e) {
            throw new AcdException(ErrorCode.CF_GENERIC_UNSPECIFIED, AcdException.Kind.RETRIABLE,
                    "unreadable " + type.getSimpleName() + " from GET " + path + ": " + e.getMessage(), e);
        }
    }

    /** PUT an action body (202 expected); {@code requestId} goes in the header of the same name. */
    public void put(String path, Object body, FinesseCredentials credentials, String requestId, RequestTarget target)
            throws AcdException {
        send("PUT", path, body, credentials, requestId, target);
    }

    /** POST an action body to a collection (202 expected). */
    public void post(String path, Object body, FinesseCredentials credentials, String requestId, RequestTarget target)
            throws AcdException {
        send("POST", path, body, credentials, requestId, target);
    }

    private void send(String method, String path, Object body, FinesseCredentials credentials, String requestId,
                      RequestTarget target) throws AcdException {
        Request request = request(path, credentials)
                .header("requestId", requestId)
                .method(method, RequestBody.create(FinesseXml.write(body), XML))
                .build();
        call(request, target);
    }

    private Request.Builder request(String path, FinesseCredentials credentials) {
        HttpUrl url = base.newBuilder().encodedPath("/").build().resolve(path);
        if (url == null) {
            throw new IllegalArgumentException("bad path " + path);
        }
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/xml");
        if (credentials != null) {
            builder.header("Authorization", credentials.header());
        }
        return builder;
    }

    /** Runs the request through the gate; returns the body of a 2xx, throws the classified failure otherwise. */
    private String call(Request request, RequestTarget target) throws AcdException {
        gate.acquire();
        OkHttpClient client = request.method().equals("GET") ? reads : http; // actions are never sent twice
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.isSuccessful()) {
                return text;
            }
            throw errors.fromHttp(response.code(), apiErrors(text), target)
                    .toException();
        } catch (IOException e) {
            throw errors.fromTransport(e).toException(e);
        } finally {
            gate.release();
        }
    }

    private static ApiErrors apiErrors(String body) {
        if (body == null || body.isBlank()) {
            return new ApiErrors(List.of());
        }
        try {
            return FinesseXml.read(body, ApiErrors.class);
        } catch (FinesseXmlException e) {
            return new ApiErrors(List.of()); // an HTML error page from a proxy: the status decides
        }
    }
}
