package org.genericconnector.asterisk.ami;

/** How the client proves its identity at login. */
public enum AmiAuthType {
    /** {@code Secret: <password>} in the Login action; use it only on loopback or over TLS. */
    PLAIN,
    /** {@code Action: Challenge}, then {@code Key: md5hex(challenge + secret)}; the secret never crosses the wire. */
    MD5
}
