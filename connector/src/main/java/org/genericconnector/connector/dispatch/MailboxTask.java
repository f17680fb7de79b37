package org.genericconnector.connector.dispatch;

/** Work queued in an agent's mailbox: it runs in order with the agent's other work, or is failed on shutdown. */
public interface MailboxTask {

    /** Performs the work on the mailbox's virtual thread; may block on the ACD. */
    void run();

    /** Tells the requester the work will not be done (the connector is stopping). */
    void fail(String reason);
}
