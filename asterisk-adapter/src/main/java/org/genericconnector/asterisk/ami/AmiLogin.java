package org.genericconnector.asterisk.ami;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The start of a session: banner check, then a plain or MD5 login with the event mask. Runs on the
 * connection thread, reading the socket itself until the Login is answered. Stateless.
 */
final class AmiLogin {

    private AmiLogin() {
    }

    /**
     * Logs in on a fresh connection.
     *
     * @throws AmiException {@link AmiFailureKind#AUTHENTICATION} when Asterisk refuses the Challenge or Login
     *                      (it then closes the socket), {@link AmiFailureKind#PROTOCOL} without a banner,
     *                      or whatever broke the connection meanwhile
     */
    static AmiLoginInfo perform(AmiConnection connection, AmiClientConfig config, int session,
                                Consumer<AmiMessage> events) throws AmiException {
        String banner = connection.readBanner();
        AmiMessage.Builder login = AmiMessage.action("Login").add("Username", config.username());
        if (config.authType() == AmiAuthType.MD5) {
            AmiMessage challenge = AmiMessage.action("Challenge").add("AuthType", "MD5").build();
            AmiResponse answer = call(connection, challenge, config, events);
            String value = answer.message().get("Challenge").orElseThrow(
                    () -> new AmiException(AmiFailureKind.PROTOCOL, "Challenge answered without a Challenge header"));
            login.add("AuthType", "MD5").add("Key", md5Key(value, config.secret()));
        } else {
            login.add("Secret", config.secret());
        }
        login.add("Events", config.events());
        call(connection, login.build(), config, events);
        String version = banner.substring(AmiFrameReader.BANNER_PREFIX.length()).strip();
        return new AmiLoginInfo(banner, version, session, config.clock().instant());
    }

    /** {@code md5hex(challenge + secret)} in lower case, as Asterisk compares it. */
    static String md5Key(String challenge, String secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest((challenge + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static AmiResponse call(AmiConnection connection, AmiMessage action, AmiClientConfig config,
                                    Consumer<AmiMessage> events) throws AmiException {
        try {
            return connection.await(connection.send(action, config.loginTimeout()), events);
        } catch (AmiException e) {
            if (e.kind() == AmiFailureKind.REJECTED) {
                throw AmiException.authentication(e.response().orElseThrow());
            }
            throw e;
        }
    }
}
