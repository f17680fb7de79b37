package org.genericconnector.finesse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.genericconnector.finesse.rest.FinesseCredentials;
import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.User;
import org.genericconnector.finesse.xmpp.FinesseXmppSession;
import org.genericconnector.protocol.CallState;

/**
 * What the adapter knows about one connected agent: credentials, the last User, the dialogs it is on and
 * the state last reported for each (so that a Dialog PUT about another participant reports nothing new),
 * its explicit subscriptions and its XMPP session. Thread-safe: every method is synchronized; the XMPP
 * listener and the agent's mailbox thread both use it.
 */
final class FinesseAgent {
    private final String agentId;
    private FinesseCredentials credentials;
    private User user;
    private FinesseXmppSession session;
    private final Map<String, Dialog> dialogs = new LinkedHashMap<>();
    private final Map<String, CallState> reported = new ConcurrentHashMap<>();
    private final Map<String, List<String>> conferenceParticipants = new ConcurrentHashMap<>();
    private final Map<String, List<String>> variables = new ConcurrentHashMap<>();
    private final Set<String> explicitNodes = ConcurrentHashMap.newKeySet();
    /** Dialogs already reported dropped: Finesse sends a DROPPED PUT and then a DELETE for the same dialog. */
    private final Map<String, Boolean> dropped = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 256;
        }
    };

    FinesseAgent(String agentId, FinesseCredentials credentials) {
        this.agentId = agentId;
        this.credentials = credentials;
    }

    String agentId() {
        return agentId;
    }

    synchronized FinesseCredentials credentials() {
        return credentials;
    }

    synchronized void credentials(FinesseCredentials value) {
        credentials = value;
    }

    synchronized User user() {
        return user;
    }

    synchronized void user(User value) {
        user = value;
    }

    /** The agent's extension from the last User; "" before login. */
    synchronized String extension() {
        return user == null ? "" : user.extension();
    }

    synchronized String fullName() {
        return user == null ? "" : FinesseEventMapper.fullName(user);
    }

    synchronized boolean isSupervisor() {
        return user != null && user.hasRole("Supervisor");
    }

    synchronized FinesseXmppSession session() {
        return session;
    }

    /** Installs a new session and returns the one it replaces (or null). */
    synchronized FinesseXmppSession session(FinesseXmppSession value) {
        FinesseXmppSession old = session;
        session = value;
        return old;
    }

    synchronized void dialog(Dialog dialog) {
        dialogs.put(dialog.id(), dialog);
    }

    synchronized void removeDialog(String dialogId) {
        dropped.put(dialogId, Boolean.TRUE);
        dialogs.remove(dialogId);
        reported.remove(dialogId);
        conferenceParticipants.remove(dialogId);
        variables.remove(dialogId);
    }

    synchronized List<Dialog> dialogs() {
        return new ArrayList<>(dialogs.values());
    }

    /** Replaces the known dialogs (after a GET /User/{id}/Dialogs) and forgets states no longer present. */
    synchronized void replaceDialogs(List<Dialog> current) {
        dialogs.clear();
        current.forEach(d -> dialogs.put(d.id(), d));
        reported.keySet().retainAll(dialogs.keySet());
        conferenceParticipants.keySet().retainAll(dialogs.keySet());
        variables.keySet().retainAll(dialogs.keySet());
        current.forEach(d -> variables.put(d.id(), FinesseEventMapper.variables(d)));
    }

    /** True if the dialog was already reported dropped (its late PUT or DELETE adds nothing). */
    synchronized boolean wasDropped(String dialogId) {
        return dropped.containsKey(dialogId);
    }

    /** Records the state reported for a dialog; returns the previous one (null if new). */
    CallState report(String dialogId, CallState state) {
        return reported.put(dialogId, state);
    }

    CallState reported(String dialogId) {
        return reported.get(dialogId);
    }

    /** Records a conference's participants; true if they changed. */
    boolean conference(String dialogId, List<String> participants) {
        return !participants.equals(conferenceParticipants.put(dialogId, List.copyOf(participants)));
    }

    /** Records a dialog's call variables; true if they differ from the last ones seen. */
    boolean variables(String dialogId, List<String> values) {
        List<String> old = variables.put(dialogId, List.copyOf(values));
        return old != null && !old.equals(values);
    }

    Set<String> explicitNodes() {
        return explicitNodes;
    }
}
