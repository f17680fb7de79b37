package org.genericconnector.asterisk.ami;

/**
 * Why an AMI action or connection failed, classified where the failure enters. Each kind says
 * whether trying again can help; the adapter maps each kind to one GC error.
 */
public enum AmiFailureKind {
    /** Asterisk refused the credentials. Permanent: reconnecting is slowed to the auth-failure back-off. */
    AUTHENTICATION(false),
    /** The socket could not be opened, broke, or the peer closed it. */
    IO(true),
    /** No answer in time: an action, the login, or a Ping (a Ping timeout drops the connection). */
    TIMEOUT(true),
    /** The peer does not speak AMI (no banner) or sent a frame over the size limit. */
    PROTOCOL(true),
    /** Events came faster than listeners consumed them; the connection was dropped to resynchronise. */
    OVERLOAD(true),
    /** Asterisk answered {@code Response: Error}; the message says why. Sending it again will not help. */
    REJECTED(false),
    /** The client is not logged in at the moment (connecting or waiting to reconnect). */
    NOT_CONNECTED(true),
    /** The client was closed by its owner. */
    CLOSED(false);

    private final boolean retriable;

    AmiFailureKind(boolean retriable) {
        this.retriable = retriable;
    }

    public boolean isRetriable() {
        return retriable;
    }
}
