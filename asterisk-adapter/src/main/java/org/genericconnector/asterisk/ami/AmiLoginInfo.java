package org.genericconnector.asterisk.ami;

import java.time.Instant;

/**
 * One successful login. Immutable.
 *
 * @param banner     the banner line, e.g. {@code Asterisk Call Manager/11.0.0}
 * @param amiVersion the version part of the banner (AMI protocol version, not the Asterisk version)
 * @param session    1 for the first login of this client, then counting reconnects
 * @param at         when the login was accepted
 */
public record AmiLoginInfo(String banner, String amiVersion, int session, Instant at) {

    public boolean isReconnect() {
        return session > 1;
    }
}
