package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A client under test on real loopback sockets against a {@link ScriptedAmiPeer}, with time moved by hand. */
abstract class AmiClientFixture {

    static final String SECRET = "s3cr3t-never-logged";
    static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration PING_INTERVAL = Duration.ofSeconds(15);
    static final Duration PING_TIMEOUT = Duration.ofSeconds(5);
    static final AmiBackoff BACKOFF = new AmiBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 0.0, Duration.ofMinutes(5));

    final ManualScheduler time = new ManualScheduler();
    final RecordingListener listener = new RecordingListener();
    ScriptedAmiPeer peer;
    AmiClient client;

    @BeforeEach
    void startPeer() throws Exception {
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        peer.close();
    }

    AmiClientConfig.Builder config() {
        return AmiClientConfig.builder("127.0.0.1", peer.port(), "cti", SECRET)
                .authType(AmiAuthType.PLAIN).events("call,agent,user,system")
                .actionTimeout(ACTION_TIMEOUT).pingInterval(PING_INTERVAL).pingTimeout(PING_TIMEOUT)
                .backoff(BACKOFF).clock(time).jitterSource(() -> 0.0);
    }

    AmiClient start(AmiClientConfig config) {
        client = new AmiClient(config, time);
        client.addConnectionListener(listener);
        client.addEventListener(listener);
        client.start();
        return client;
    }

    /** Starts a plain-login client and completes its login; returns the peer's session. */
    ScriptedAmiPeer.Session loggedIn() throws Exception {
        start(config().build());
        ScriptedAmiPeer.Session s = peer.nextSession();
        s.acceptPlainLogin();
        listener.awaitLogin();
        return s;
    }

    static AmiException failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AmiException.class);
            return (AmiException) e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the future never completed", e);
        }
        throw new AssertionError("the future succeeded");
    }

    static AmiResponse answer(CompletableFuture<AmiResponse> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

}
