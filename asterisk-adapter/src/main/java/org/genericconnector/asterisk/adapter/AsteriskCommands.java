package org.genericconnector.asterisk.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.genericconnector.asterisk.adapter.AgentDirectory.Agent;
import org.genericconnector.asterisk.adapter.AsteriskModel.ChanView;
import org.genericconnector.asterisk.adapter.AsteriskModel.DialogView;
import org.genericconnector.asterisk.ami.AmiException;
import org.genericconnector.asterisk.ami.AmiFailureKind;
import org.genericconnector.asterisk.ami.AmiMessage;
import org.genericconnector.asterisk.ami.AmiResponse;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.QueueStats;
import org.genericconnector.protocol.event.Values;
import org.genericconnector.protocol.spi.AcdException;

/**
 * Performs each GC command with AMI actions (docs/ASTERISK.md has the table). Checks what it can in the model
 * first (unknown agent, wrong state, unknown dialog) so that Asterisk is asked only sensible things; records
 * what Asterisk confirmed in the model, whose events then form the reply. Stateless apart from a counter;
 * thread-safe (commands of one agent never overlap, see {@link AsteriskAdapter}).
 */
final class AsteriskCommands {
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]+");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\+?[0-9*#]{1,32}");

    private final AsteriskSettings settings;
    private final AgentDirectory directory;
    private final AsteriskModel model;
    private final AsteriskAdapter adapter;
    private final AtomicLong ids = new AtomicLong();
    private final VerifiedPasswords passwords = new VerifiedPasswords();

    AsteriskCommands(AsteriskSettings settings, AgentDirectory directory, AsteriskModel model, AsteriskAdapter adapter) {
        this.settings = settings;
        this.directory = directory;
        this.model = model;
        this.adapter = adapter;
    }

    /** Commands answered from configuration and the model alone, which work while the AMI link is down. */
    static boolean needsLink(CommandName name) {
        return switch (name) {
            case CONNECT, GET_STATE, GET_LOGOUT_REASON_CODES, GET_NOT_READY_REASON_CODES, GET_WRAP_UP_REASONS,
                 GET_PHONEBOOKS, GET_PHONEBOOK_CONTACTS, GET_TEAM_PHONEBOOKS, GET_SUPERVISORS, GET_DIALOG_STATE -> false;
            default -> true;
        };
    }

    /** The team member a supervisor command acts on, or null. */
    static String targetOf(Command command) {
        String target = switch (command) {
            case Command.Logout c -> c.targetAgentId();
            case Command.MakeNotReady c -> c.targetAgentId();
            case Command.MakeReady c -> c.targetAgentId();
            case Command.MakeWorkReady c -> c.targetAgentId();
            case Command.MakeWorkNotReady c -> c.targetAgentId();
            default -> null;
        };
        return target == null || target.equals(command.agentId()) ? null : target;
    }

    void execute(Command command, List<Event> before, List<Event> after) throws AcdException {
        String id = command.agentId();
        switch (command) {
            case Command.Connect c -> connect(id, c.password());
            case Command.Login c -> login(id, c.password(), c.extension(), before, after);
            case Command.Logout c -> logout(id, c.targetAgentId(), null);
            case Command.LogoutWithReason c -> logout(id, id, c.reasonCode());
            case Command.GetState c -> after.add(model.state(agent(id).id()));
            case Command.MakeNotReady c -> pause(id, c.targetAgentId(), true, "");
            case Command.MakeNotReadyWithReason c -> pause(id, id, true, notReadyReason(c.reasonCode()));
            case Command.MakeReady c -> pause(id, c.targetAgentId(), false, "");
            case Command.MakeWorkReady c -> work(id, c.targetAgentId(), AgentState.WORK_READY);
            case Command.MakeWorkNotReady c -> work(id, c.targetAgentId(), AgentState.WORK);
            case Command.MakeCall c -> makeCall(id, c.number());
            case Command.AnswerCall c -> answer(id, c.dialogId());
            case Command.ReleaseCall c -> release(id, c.dialogId());
            case Command.HoldCall c -> hold(id, c.dialogId(), true);
            case Command.RetrieveCall c -> hold(id, c.dialogId(), false);
            case Command.TransferSst c -> blindTransfer(id, c.number(), c.dialogId());
            case Command.ConsultCall c -> consult(id, c.number(), c.dialogId());
            case Command.TransferCall c -> completeConsult(id, c.dialogId(), false);
            case Command.ConferenceCall c -> completeConsult(id, c.dialogId(), true);
            case Command.GetDialogState c -> after.add(dialogState(id, c.dialogId()));
            case Command.GetLogoutReasonCodes c -> after.add(reasons(id, Values.ReasonCategory.LOGOUT, directory.logoutReasons()));
            case Command.GetNotReadyReasonCodes c -> after.add(reasons(id, Values.ReasonCategory.NOT_READY, directory.notReadyReasons()));
            case Command.GetWrapUpReasons c -> after.add(reasons(id, Values.ReasonCategory.WRAP_UP, directory.wrapUpReasons()));
            case Command.WrapUp c -> wrapUp(id, c.reason(), c.dialogId());
            case Command.UpdateCallVariables c -> updateVariables(id, c.dialogId(), c.variables(), after);
            case Command.GetAgentsList c -> {
                supervisor(id);
                after.add(new Event.AgentsList(id, model.loggedInAgents()));
            }
            case Command.GetPhonebooks c -> after.add(new Event.Phonebooks(id,
                    directory.phoneBooksFor(agent(id).team()).stream().map(AsteriskCommands::book).toList()));
            case Command.GetPhonebookContacts c -> after.add(contacts(id, c.phonebookId()));
            case Command.GetTeamPhonebooks c -> after.add(teamPhonebooks(id, c.teamId()));
            case Command.GetQueueList c -> after.add(queueList(id));
            case Command.SilentMonitor c -> monitor(id, c.targetExtension(), null, false);
            case Command.BargeIn c -> monitor(id, c.extension(), c.dialogId(), true);
            case Command.EndSilentMonitor c -> endMonitor(id, c.dialogId());
            case Command.DropParticipant c -> dropParticipant(id, c.extension(), c.dialogId(), after);
            case Command.GetTeamUsers c -> {
                supervisesTeam(id, c.teamId());
                after.add(new Event.TeamUsersList(id, model.teamUsers(c.teamId())));
                if (c.subscribe()) {
                    model.watchTeam(id, c.teamId());
                }
            }
            case Command.GetTeamUserState c -> {
                Agent member = supervises(id, c.teamAgentId());
                after.add(new Event.TeamMemberStateChanged(id, member.team(), model.stateOf(member.id()), member.id()));
            }
            case Command.GetSupervisors c -> after.add(new Event.Supervisors(id, directory.agents().stream()
                    .filter(Agent::supervisor).map(s -> new Values.Supervisor(s.id(), s.firstName(), s.lastName())).toList()));
            default -> throw new AcdException(ErrorCode.UNSUPPORTED_COMMAND, AcdException.Kind.PERMANENT,
                    command.name().wireName() + " has no meaning on Asterisk");
        }
    }

    // ---------------------------------------------------------------- login and presence

    private void connect(String id, String password) throws AcdException {
        Agent a = directory.agent(id).orElseThrow(() -> permanent(ErrorCode.SUBSCRIPTION_FAILED, "no agent " + id + " in the agents file"));
        if (!passwords.verify(id, a.passwordHash(), password)) {
            throw permanent(ErrorCode.SUBSCRIPTION_FAILED, "wrong password for agent " + id);
        }
    }

    private void login(String id, String password, String extension, List<Event> before, List<Event> after) throws AcdException {
        Agent a = directory.agent(id).orElseThrow(() -> permanent(ErrorCode.USER_NOT_FOUND, "no agent " + id + " in the agents file"));
        if (!passwords.verify(id, a.passwordHash(), password)) {
            throw permanent(ErrorCode.SUBSCRIPTION_FAILED, "wrong password for agent " + id);
        }
        if (!DIGITS.matcher(extension).matches()) {
            throw rejected(ErrorCode.WRONG_EXTENSION, "extension " + extension + " is not a number");
        }
        if (!extension.equals(a.extension())) {
            throw rejected(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED, "agent " + id + " works at extension " + a.extension() + ", not " + extension);
        }
        String device = model.device(id);
        if (device.equals("UNAVAILABLE") || device.equals("INVALID")) {
            throw rejected(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED, "device " + a.iface() + " is " + device + " (not registered)");
        }
        if (a.queues().isEmpty()) {
            throw permanent(ErrorCode.CF_GENERIC_UNSPECIFIED, "agent " + id + " has no queues in the agents file");
        }
        before.add(agentInfo(a));
        boolean already = model.isLoggedIn(id);
        List<String> joined = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (AgentDirectory.QueueMembership q : a.queues()) {
            AmiMessage add = AmiMessage.action("QueueAdd").add("Queue", q.name()).add("Interface", a.iface())
                    .add("MemberName", id).add("StateInterface", a.iface()).add("Penalty", Integer.toString(q.penalty()))
                    .add("Paused", "true").build();
            try {
                adapter.send(add);
                joined.add(q.name());
            } catch (AmiException e) {
                String msg = e.response().map(r -> r.getOrEmpty("Message")).orElse("");
                if (e.kind() == AmiFailureKind.REJECTED && msg.contains("Already there")) {
                    known.add(q.name());
                    continue;
                }
                for (String undo : joined) {
                    adapter.fire(AmiMessage.action("QueueRemove").add("Queue", undo).add("Interface", a.iface()).build(), "login rollback");
                }
                if (e.kind() == AmiFailureKind.REJECTED) {
                    throw permanent(ErrorCode.CF_GENERIC_UNSPECIFIED, "QueueAdd to " + q.name() + " refused: " + msg
                            + " (check queues.conf against the agents file)");
                }
                throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, "QueueAdd failed: " + e.kind(), e);
            }
        }
        if (!known.isEmpty()) {
            refreshMember(a); // already a member (e.g. logged in before the connector restarted): learn its pause state
        }
        model.applyLogin(id, joined);
        if (already) {
            after.add(model.state(id));
        }
        after.add(model.dialogStatus(id));
        if (a.supervisor()) {
            after.add(new Event.TeamInfoIds(id, a.supervisedTeams(), a.fullName()));
            after.add(new Event.TeamInfoNames(id, a.supervisedTeams().stream()
                    .map(t -> directory.team(t).map(AgentDirectory.Team::name).orElse(t)).toList(), a.fullName()));
        }
    }

    /** QueueStatus for one member, applied as membership facts. */
    private void refreshMember(Agent a) throws AcdException {
        AmiResponse r = adapter.call(AmiMessage.action("QueueStatus").add("Member", a.iface()).build(), ErrorCode.CF_GENERIC_UNSPECIFIED);
        model.applyMemberships(a.id(), r.events());
    }

    private Event.AgentInfo agentInfo(Agent a) {
        List<Values.Team> teams = a.supervisedTeams().stream()
                .map(t -> new Values.Team(t, directory.team(t).map(AgentDirectory.Team::name).orElse(t))).toList();
        return new Event.AgentInfo(a.id(), a.firstName(), a.lastName(), a.supervisor(), a.wrapUpMode(),
                a.supervisor() ? teams : List.of(), a.team(), a.fullName(), a.loginName());
    }

    private void logout(String id, String targetId, String reason) throws AcdException {
        Agent target = actingOn(id, targetId);
        if (reason != null && directory.logoutReasons().stream().noneMatch(r -> r.code().equals(reason))) {
            throw rejected(ErrorCode.MISSING_REASON_CODE, "no logout reason " + reason);
        }
        AgentState s = loggedIn(target);
        if (s != AgentState.NOT_READY) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "agent " + target.id() + " is " + s + "; logout needs NOT_READY");
        }
        List<String> queues = model.memberQueues(target.id());
        for (String q : queues) {
            if (reason != null) {
                adapter.fire(AmiMessage.action("QueueLog").add("Queue", q).add("Event", "GCLOGOUTREASON")
                        .add("Interface", target.iface()).add("Message", reason).build(), "logout reason");
            }
            try {
                adapter.send(AmiMessage.action("QueueRemove").add("Queue", q).add("Interface", target.iface()).build());
            } catch (AmiException e) {
                String msg = e.response().map(r -> r.getOrEmpty("Message")).orElse("");
                if (e.kind() != AmiFailureKind.REJECTED || !msg.contains("Not there")) {
                    throw e.kind() == AmiFailureKind.REJECTED
                            ? rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "QueueRemove from " + q + " refused: " + msg)
                            : new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, "QueueRemove failed: " + e.kind(), e);
                }
            }
        }
        model.applyLogout(target.id());
    }

    private void pause(String id, String targetId, boolean paused, String reason) throws AcdException {
        Agent target = actingOn(id, targetId);
        AgentState s = loggedIn(target);
        if (!paused && s == AgentState.RESERVED) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "a call is ringing at agent " + target.id());
        }
        if (model.owesWrapUpData(target.id())) {
            // Finesse's REQUIRED_WITH_WRAP_UP_DATA: wrap-up is left only after a wrap-up reason (wrapup command)
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "agent " + target.id() + " must give a wrap-up reason first");
        }
        AmiMessage.Builder b = AmiMessage.action("QueuePause").add("Interface", target.iface()).add("Paused", paused ? "true" : "false");
        if (!reason.isEmpty()) {
            b.add("Reason", reason);
        }
        adapter.call(b.build(), ErrorCode.CF_INVALID_OBJECT_STATE);
        model.applyPause(target.id(), paused, reason);
    }

    private String notReadyReason(String code) throws AcdException {
        if (directory.notReadyReasons().stream().noneMatch(r -> r.code().equals(code))) {
            throw rejected(ErrorCode.MISSING_REASON_CODE, "no not-ready reason " + code);
        }
        return code;
    }

    private void work(String id, String targetId, AgentState work) throws AcdException {
        Agent target = actingOn(id, targetId);
        loggedIn(target);
        if (target.wrapUpMode() == org.genericconnector.protocol.WrapUpMode.NOT_ALLOWED) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "agent " + target.id() + " may not wrap up (wrapUpMode NOT_ALLOWED)");
        }
        if (!model.applyWork(target.id(), work)) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "agent " + target.id() + " has no call to wrap up");
        }
    }

    // ---------------------------------------------------------------- calls

    private void makeCall(String id, String number) throws AcdException {
        Agent a = agent(id);
        AgentState s = loggedIn(a);
        if (s != AgentState.NOT_READY) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "agent " + id + " is " + s + "; a call is placed from NOT_READY");
        }
        if (!NUMBER.matcher(number).matches()) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "'" + number + "' is not a dialable number");
        }
        String channelId = newChannelId();
        model.expectDialog(id, channelId, number, "OUT", false);
        AmiMessage originate = AmiMessage.action("Originate").add("Channel", a.iface()).add("Context", settings.dialContext())
                .add("Exten", number).add("Priority", "1").add("Async", "true").add("ChannelId", channelId)
                .add("Timeout", Long.toString(settings.originateTimeout().toMillis()))
                .add("CallerID", "\"" + a.fullName() + "\" <" + a.extension() + ">").add("Variable", "GC_AGENT=" + id).build();
        try {
            adapter.call(originate, ErrorCode.CF_GENERIC_UNSPECIFIED);
        } catch (AcdException e) {
            model.failExpected(channelId, "ORIGINATE_REFUSED");
            throw e;
        }
    }

    private void answer(String id, String dialogId) throws AcdException {
        Agent a = agent(id);
        DialogView d = liveDialog(a, dialogId);
        if (d.state() != CallState.ALERTING || d.direction() != AsteriskDialog.Direction.IN) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " is " + d.state() + ", not ringing");
        }
        notify(a, settings.phoneNotify().answerContent());
    }

    private void hold(String id, String dialogId, boolean hold) throws AcdException {
        Agent a = agent(id);
        DialogView d = liveDialog(a, dialogId);
        CallState need = hold ? CallState.ACTIVE : CallState.HELD;
        if (d.state() != need || d.consultId() != null) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " is " + d.state() + (d.consultId() != null ? " with a consult call" : ""));
        }
        if (settings.holdStrategy() == AsteriskSettings.HoldStrategy.REDIRECT) {
            if (hold) {
                holdByRedirect(a, d, dialogId);
            } else {
                retrieveByBridge(d, dialogId);
            }
            return;
        }
        notify(a, hold ? settings.phoneNotify().holdContent() : settings.phoneNotify().retrieveContent());
    }

    /**
     * Hold without phone control: a dual Redirect sends the other party to the hold extension (music on hold) and
     * the agent's leg to the wait extension; both stay up, so the dialog id and the agent's device (INUSE: no new
     * queue call) are kept. HELD follows from the agent's leg leaving the bridge.
     */
    private void holdByRedirect(Agent a, DialogView d, String dialogId) throws AcdException {
        ChanView mine = agentChannel(d, dialogId);
        List<ChanView> others = model.peers(mine.uniqueid());
        if (others.isEmpty() && d.farUid() != null) {
            // answered a moment ago: Asterisk's BridgeEnter events follow the Newstate Up that made it ACTIVE, and
            // the party that dialled (or was dialled) is the one the bridge will hold
            others = model.channel(d.farUid()).map(List::of).orElse(List.of());
        }
        if (others.isEmpty()) {
            throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, "dialog " + dialogId + " is not bridged yet");
        }
        if (others.size() != 1) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " has " + others.size()
                    + " other parties; hold by redirect needs a two-party call");
        }
        ChanView party = others.get(0);
        AsteriskSettings.Redirect where = settings.holdRedirect();
        model.prepareRedirectHold(a.id(), d.id(), party.uniqueid());
        try {
            adapter.call(AmiMessage.action("Redirect").add("Channel", party.name()).add("Context", where.context())
                    .add("Exten", where.holdExten()).add("Priority", "1").add("ExtraChannel", mine.name())
                    .add("ExtraContext", where.context()).add("ExtraExten", where.waitExten()).add("ExtraPriority", "1").build(),
                    ErrorCode.CF_GENERIC_OPERATION);
        } catch (AcdException e) {
            model.cancelRedirectHold(a.id(), d.id());
            throw e;
        }
    }

    /** Retrieve of a call held by redirect: the Bridge action joins the two parties again (ACTIVE on their BridgeEnter). */
    private void retrieveByBridge(DialogView d, String dialogId) throws AcdException {
        if (d.heldPartyUid() == null) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " was held on the phone; retrieve it there");
        }
        ChanView mine = agentChannel(d, dialogId);
        ChanView party = model.channel(d.heldPartyUid())
                .orElseThrow(() -> rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "the held party of dialog " + dialogId + " is gone"));
        adapter.call(AmiMessage.action("Bridge").add("Channel1", party.name()).add("Channel2", mine.name()).add("Tone", "no").build(),
                ErrorCode.CF_GENERIC_OPERATION);
    }

    /** Phone remote control: a SIP NOTIFY (Event ACTION-URI by default) with a key press for the phone. */
    private void notify(Agent a, String content) throws AcdException {
        String endpoint = a.pjsipEndpoint().orElseThrow(() -> new AcdException(ErrorCode.UNSUPPORTED_COMMAND, AcdException.Kind.PERMANENT,
                "agent " + a.id() + " is on " + a.iface() + ": phone remote control needs a PJSIP endpoint"));
        adapter.call(AmiMessage.action("PJSIPNotify").add("Endpoint", endpoint)
                .add("Variable", "Event=" + settings.phoneNotify().event())
                .add("Variable", "Content-Type=" + settings.phoneNotify().contentType())
                .add("Variable", "Content=" + content).build(), ErrorCode.CF_GENERIC_OPERATION);
    }

    private void release(String id, String dialogId) throws AcdException {
        Agent a = agent(id);
        DialogView d = liveDialog(a, dialogId);
        ChanView c = agentChannel(d, dialogId);
        if (dialogId.equals(d.consultId())) {
            // releasing the consult call: CancelAtxfer takes the agent back to the held call
            adapter.call(AmiMessage.action("CancelAtxfer").add("Channel", c.name()).build(), ErrorCode.CF_GENERIC_OPERATION);
            model.endConsult(id, d.id(), true);
            return;
        }
        hangup(c.name());
    }

    private void hangup(String channel) throws AcdException {
        try {
            adapter.send(AmiMessage.action("Hangup").add("Channel", channel).add("Cause", "16").build());
        } catch (AmiException e) {
            if (e.kind() == AmiFailureKind.REJECTED) {
                throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "the call is already gone (" + e.getMessage() + ")");
            }
            throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, "Hangup failed: " + e.kind(), e);
        }
    }

    private void blindTransfer(String id, String number, String dialogId) throws AcdException {
        Agent a = agent(id);
        DialogView d = liveDialog(a, dialogId);
        if (d.state() != CallState.ACTIVE && d.state() != CallState.HELD) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " is " + d.state());
        }
        if (!NUMBER.matcher(number).matches()) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "'" + number + "' is not a dialable number");
        }
        if (d.heldPartyUid() != null) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " is held by redirect (no bridge to transfer from); retrieve it first");
        }
        ChanView c = agentChannel(d, dialogId);
        adapter.call(AmiMessage.action("BlindTransfer").add("Channel", c.name()).add("Context", settings.transferContext())
                .add("Exten", number).build(), ErrorCode.CF_GENERIC_OPERATION);
    }

    private void consult(String id, String number, String dialogId) throws AcdException {
        Agent a = agent(id);
        DialogView d = liveDialog(a, dialogId);
        if (d.state() != CallState.ACTIVE || d.consultId() != null) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " is " + d.state() + (d.consultId() != null ? " and already consulting" : ""));
        }
        if (!NUMBER.matcher(number).matches()) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "'" + number + "' is not a dialable number");
        }
        ChanView c = agentChannel(d, dialogId);
        model.prepareConsult(id, d.id(), number); // the phone may show the consult channel before Asterisk answers
        try {
            adapter.call(AmiMessage.action("Atxfer").add("Channel", c.name()).add("Exten", number)
                    .add("Context", settings.transferContext()).build(), ErrorCode.CF_GENERIC_OPERATION);
        } catch (AcdException e) {
            model.dropPreparedConsult(id, d.id());
            throw e;
        }
        model.startConsult(id, d.id(), number);
    }

    /**
     * TransferCall: the transferer leaves (Hangup of its channel completes Asterisk's attended transfer);
     * Conferencecall: the atxferthreeway DTMF code turns the consult into a three-way bridge.
     */
    private void completeConsult(String id, String dialogId, boolean conference) throws AcdException {
        Agent a = agent(id);
        DialogView d = liveDialog(a, dialogId);
        if (d.consultId() == null || d.consultState() == CallState.INITIATED) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " has no consult call to complete");
        }
        ChanView c = agentChannel(d, dialogId);
        if (!conference) {
            hangup(c.name());
            return;
        }
        for (char digit : settings.threewayCode().toCharArray()) {
            adapter.call(AmiMessage.action("PlayDTMF").add("Channel", c.name()).add("Digit", String.valueOf(digit))
                    .add("Receive", "true").build(), ErrorCode.CF_GENERIC_OPERATION);
        }
    }

    private Event dialogState(String id, String dialogId) throws AcdException {
        Agent a = agent(id);
        Optional<DialogView> d = model.dialog(id, dialogId);
        if (d.isEmpty()) {
            throw rejected(ErrorCode.E_CTI_INVALID_CALL_ID, "agent " + id + " has no dialog " + dialogId);
        }
        CallState state = dialogId.equals(d.get().consultId()) ? d.get().consultState() : d.get().state();
        return new Event.DialogState(id, state == null ? CallState.INITIATING : state, dialogId, a.fullName());
    }

    private void wrapUp(String id, String reason, String dialogId) throws AcdException {
        Agent a = agent(id);
        if (directory.wrapUpReasons().stream().noneMatch(r -> r.code().equals(reason))) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "no wrap-up reason " + reason);
        }
        if (!model.wasDialogOf(id, dialogId)) {
            throw rejected(ErrorCode.E_CTI_INVALID_CALL_ID, "agent " + id + " has no dialog " + dialogId);
        }
        String queue = model.dialog(id, dialogId).map(DialogView::queue).filter(q -> !q.isEmpty())
                .orElse(a.queues().isEmpty() ? "NONE" : a.queues().get(0).name());
        adapter.call(AmiMessage.action("QueueLog").add("Queue", queue).add("Event", "GCWRAPUP").add("Uniqueid", dialogId)
                .add("Interface", a.iface()).add("Message", reason).build(), ErrorCode.CF_GENERIC_UNSPECIFIED);
        model.applyWrapUpData(id, dialogId);
    }

    private void updateVariables(String id, String dialogId, List<CallVariable> variables, List<Event> after) throws AcdException {
        agent(id);
        DialogView d = model.dialog(id, dialogId).filter(x -> x.live())
                .orElseThrow(() -> rejected(ErrorCode.INVALID_CALL_DATA, "agent " + id + " has no live dialog " + dialogId));
        Map<String, String> values = new LinkedHashMap<>();
        for (CallVariable v : variables) {
            if (!settings.callVariables().containsKey(v.name())) {
                throw rejected(ErrorCode.INVALID_CALL_DATA, "call variable " + v.name() + " is not mapped (setting call-variables)");
            }
            if (v.value().contains("\r") || v.value().contains("\n")) {
                throw rejected(ErrorCode.INVALID_CALL_DATA, "call variable " + v.name() + " holds a line break");
            }
            values.put(v.name(), v.value());
        }
        // the far end (the customer leg) carries the data on: '__' makes later channels inherit it (transfers)
        ChanView agentLeg = agentChannel(d, dialogId);
        List<ChanView> targets = new ArrayList<>(model.peers(agentLeg.uniqueid()));
        targets.add(agentLeg);
        for (ChanView c : targets) {
            for (Map.Entry<String, String> v : values.entrySet()) {
                adapter.call(AmiMessage.action("Setvar").add("Channel", c.name()).add("Variable", "__" + settings.callVariables().get(v.getKey()))
                        .add("Value", v.getValue()).build(), ErrorCode.INVALID_CALL_DATA);
            }
        }
        model.applyVariables(id, d.id(), values);
    }

    // ---------------------------------------------------------------- supervisor

    private void monitor(String id, String extension, String dialogId, boolean barge) throws AcdException {
        Agent sup = supervisor(id);
        Agent member = directory.agentAtExtension(extension)
                .orElseThrow(() -> rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "no agent at extension " + extension));
        supervises(id, member.id());
        String spied = member.channelPrefix().substring(0, member.channelPrefix().length() - 1);
        String options = barge ? "qBE" : "qE";
        if (dialogId != null) {
            DialogView d = model.dialog(member.id(), dialogId).filter(x -> x.live())
                    .orElseThrow(() -> rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "agent " + member.id() + " has no dialog " + dialogId));
            spied = agentChannel(d, dialogId).name();
            options += "u";
            // a barge replaces the supervisor's silent monitor of the same agent
            endOwnMonitors(sup);
        }
        String channelId = newChannelId();
        model.expectDialog(id, channelId, extension, "SUPERVISOR_MONITOR", true);
        try {
            adapter.call(AmiMessage.action("Originate").add("Channel", sup.iface()).add("Application", "ChanSpy")
                    .add("Data", spied + "," + options).add("Async", "true").add("ChannelId", channelId)
                    .add("CallerID", "\"" + (barge ? "Barge " : "Monitor ") + member.fullName() + "\" <" + member.extension() + ">")
                    .add("Timeout", Long.toString(settings.originateTimeout().toMillis())).build(), ErrorCode.CF_GENERIC_UNSPECIFIED);
        } catch (AcdException e) {
            model.failExpected(channelId, "ORIGINATE_REFUSED");
            throw e;
        }
    }

    private void endOwnMonitors(Agent sup) throws AcdException {
        for (DialogView m : model.monitorDialogs(sup.id())) {
            Optional<ChanView> c = model.channel(m.channelUid());
            if (c.isPresent()) {
                hangup(c.get().name());
            }
        }
    }

    private void endMonitor(String id, String dialogId) throws AcdException {
        supervisor(id);
        DialogView d = model.dialog(id, dialogId).filter(DialogView::monitor)
                .orElseThrow(() -> rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "supervisor " + id + " monitors no dialog " + dialogId));
        ChanView c = model.channel(d.channelUid()).orElseThrow(() -> rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "the monitor call is not up yet"));
        hangup(c.name());
    }

    /**
     * Hangs up the one channel of that party in the call: a member's (by extension) or an outside party's (by the
     * number the participants show). The call's parties are its channels and every channel bridged with them, so
     * the consulted party of a three-way call is found under the main dialog id too; a party in the call's bridge
     * is preferred to another channel of the same party (e.g. one still ringing).
     */
    private void dropParticipant(String id, String extension, String dialogId, List<Event> after) throws AcdException {
        supervisor(id);
        List<AsteriskModel.PartyView> parties = model.partiesOfCall(dialogId);
        if (parties.isEmpty()) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "no call " + dialogId);
        }
        Optional<Agent> member = directory.agentAtExtension(extension);
        if (member.isPresent()) {
            supervises(id, member.get().id());
        }
        ChanView leg = parties.stream().filter(p -> member.isPresent()
                        ? member.get().id().equals(p.channel().agentId()) || member.get().owns(p.channel().name())
                        : p.channel().agentId() == null && extension.equals(p.number()))
                .map(AsteriskModel.PartyView::channel)
                .findFirst().orElseThrow(() -> rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "nobody at " + extension + " in call " + dialogId));
        hangup(leg.name());
        after.add(new Event.PrintStatusBar(id, "Participant " + extension + " dropped from dialog " + dialogId));
    }

    private Event.QueueList queueList(String id) throws AcdException {
        Agent a = agent(id);
        List<String> queues = a.supervisor() ? directory.queues() : a.queues().stream().map(AgentDirectory.QueueMembership::name).toList();
        List<QueueStats> stats = new ArrayList<>();
        for (String q : queues) {
            AmiResponse r = adapter.call(AmiMessage.action("QueueSummary").add("Queue", q).build(), ErrorCode.CF_GENERIC_UNSPECIFIED);
            AmiMessage s = r.events().stream().filter(e -> e.name().equalsIgnoreCase("QueueSummary")).findFirst().orElse(null);
            if (s == null) {
                continue; // Asterisk does not know the queue (queues.conf differs from the agents file)
            }
            int callers = intOf(s.getOrEmpty("Callers"));
            String longest = s.getOrEmpty("LongestHoldTime");
            if (a.supervisor()) {
                Map<AgentState, Integer> counts = model.stateCounts(q);
                stats.add(new QueueStats.Ucce(q, counts.getOrDefault(AgentState.NOT_READY, 0), counts.getOrDefault(AgentState.READY, 0),
                        counts.getOrDefault(AgentState.TALKING, 0) + counts.getOrDefault(AgentState.HOLD, 0), 0, 0,
                        counts.getOrDefault(AgentState.WORK, 0), counts.getOrDefault(AgentState.WORK_READY, 0), callers,
                        longest.isEmpty() || longest.equals("0") ? "" : adapter.now().minusSeconds(intOf(longest)).toString()));
            } else {
                stats.add(new QueueStats.Agent(q, callers, longest));
            }
        }
        return new Event.QueueList(id, stats);
    }

    // ---------------------------------------------------------------- configuration queries

    private Event.ReasonCodes reasons(String id, Values.ReasonCategory category, List<AgentDirectory.Reason> reasons) throws AcdException {
        Agent a = agent(id);
        return new Event.ReasonCodes(id, category, reasons.stream().map(r -> new Values.ReasonCode(r.code(), r.label())).toList(),
                a.fullName());
    }

    private Event contacts(String id, String bookId) throws AcdException {
        Agent a = agent(id);
        AgentDirectory.PhoneBook book = directory.phoneBooksFor(a.team()).stream().filter(b -> b.name().equals(bookId)).findFirst()
                .or(() -> a.supervisedTeams().stream().flatMap(t -> directory.teamPhoneBooks(t).stream()).filter(b -> b.name().equals(bookId)).findFirst())
                .orElseThrow(() -> rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "agent " + id + " has no phone book " + bookId));
        List<Values.Contact> contacts = new ArrayList<>();
        int n = 0;
        for (AgentDirectory.Contact c : book.entries()) {
            n++;
            contacts.add(new Values.Contact((c.firstName() + " " + c.lastName()).strip(), c.firstName(), c.lastName(), c.number(),
                    book.name() + "-" + n));
        }
        return new Event.PhonebookContacts(id, contacts);
    }

    private Event teamPhonebooks(String id, String teamId) throws AcdException {
        Agent a = agent(id);
        if (directory.team(teamId).isEmpty()) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "no team " + teamId);
        }
        if (!a.team().equals(teamId) && !a.supervisedTeams().contains(teamId)) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "agent " + id + " is not in team " + teamId);
        }
        return new Event.TeamPhonebooks(id, directory.teamPhoneBooks(teamId).stream().map(AsteriskCommands::book).toList());
    }

    private static Values.Phonebook book(AgentDirectory.PhoneBook b) {
        return new Values.Phonebook(b.name(), b.global() ? "GLOBAL" : "TEAM", b.name());
    }

    // ---------------------------------------------------------------- checks

    private Agent agent(String id) throws AcdException {
        return directory.agent(id).orElseThrow(() -> permanent(ErrorCode.USER_NOT_FOUND, "no agent " + id + " in the agents file"));
    }

    private AgentState loggedIn(Agent a) throws AcdException {
        AgentState s = model.stateOf(a.id());
        if (s == AgentState.LOGOUT || s == AgentState.UNKNOWN) {
            throw rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "agent " + a.id() + " is not logged in");
        }
        return s;
    }

    /** The agent a presence command acts on: the requester itself, or a member of a team it supervises. */
    private Agent actingOn(String id, String targetId) throws AcdException {
        Agent self = agent(id);
        if (targetId == null || targetId.equals(id)) {
            return self;
        }
        return supervises(id, targetId);
    }

    private Agent supervisor(String id) throws AcdException {
        Agent a = agent(id);
        if (!a.supervisor()) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "agent " + id + " is not a supervisor");
        }
        return a;
    }

    private Agent supervises(String id, String memberId) throws AcdException {
        Agent sup = supervisor(id);
        Agent member = directory.agent(memberId).orElseThrow(() -> rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "no agent " + memberId));
        if (!sup.supervisedTeams().contains(member.team())) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "supervisor " + id + " does not supervise " + memberId + "'s team");
        }
        return member;
    }

    private void supervisesTeam(String id, String teamId) throws AcdException {
        Agent sup = supervisor(id);
        if (directory.team(teamId).isEmpty() || !sup.supervisedTeams().contains(teamId)) {
            throw rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "supervisor " + id + " does not supervise team " + teamId);
        }
    }

    private DialogView liveDialog(Agent a, String dialogId) throws AcdException {
        loggedIn(a);
        return model.dialog(a.id(), dialogId).filter(d -> d.live() && !d.monitor())
                .orElseThrow(() -> rejected(ErrorCode.CF_GENERIC_UNSPECIFIED, "agent " + a.id() + " has no dialog " + dialogId));
    }

    private ChanView agentChannel(DialogView d, String dialogId) throws AcdException {
        return model.channel(d.channelUid())
                .orElseThrow(() -> rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "dialog " + dialogId + " has no channel at the agent yet"));
    }

    private String newChannelId() {
        return "gc-" + adapter.now().getEpochSecond() + "." + ids.incrementAndGet();
    }

    private static int intOf(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static AcdException rejected(ErrorCode code, String message) {
        return AcdException.rejected(code, message);
    }

    private static AcdException permanent(ErrorCode code, String message) {
        return new AcdException(code, AcdException.Kind.PERMANENT, message);
    }
}
