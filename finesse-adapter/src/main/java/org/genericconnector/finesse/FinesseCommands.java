package org.genericconnector.finesse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.genericconnector.finesse.error.RequestTarget;
import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.notification.UpdateData;
import org.genericconnector.finesse.rest.FinesseCredentials;
import org.genericconnector.finesse.xml.CallData;
import org.genericconnector.finesse.xml.Contacts;
import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.DialogAction;
import org.genericconnector.finesse.xml.DialogRequest;
import org.genericconnector.finesse.xml.MediaProperties;
import org.genericconnector.finesse.xml.NameValue;
import org.genericconnector.finesse.xml.PhoneBook;
import org.genericconnector.finesse.xml.PhoneBooks;
import org.genericconnector.finesse.xml.Queue;
import org.genericconnector.finesse.xml.Queues;
import org.genericconnector.finesse.xml.ReasonCode;
import org.genericconnector.finesse.xml.ReasonCodes;
import org.genericconnector.finesse.xml.Team;
import org.genericconnector.finesse.xml.User;
import org.genericconnector.finesse.xml.UserLoginRequest;
import org.genericconnector.finesse.xml.UserState;
import org.genericconnector.finesse.xml.UserStateRequest;
import org.genericconnector.finesse.xml.WrapUpReason;
import org.genericconnector.finesse.xml.WrapUpReasons;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.Values;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.CommandRequest;

/**
 * Each GC command as Finesse requests (docs/FINESSE.md has the table). Actions are sent with a fresh
 * {@code requestId} and the command waits (at most {@code notification.timeout}) for the notification
 * carrying it: its events are replied to the command, an asynchronous {@code apiErrors} becomes the
 * command's error. Queries are answered from the GET. Stateless apart from the adapter it serves;
 * thread-safe.
 */
final class FinesseCommands {
    private final FinesseAdapter adapter;

    FinesseCommands(FinesseAdapter adapter) {
        this.adapter = adapter;
    }

    void execute(CommandRequest request) throws AcdException {
        Command command = request.command();
        switch (command) {
            case Command.Connect c -> adapter.connect(c.agentId(), c.password(), c.sso());
            case Command.Login c -> login(request, c.agentId(), c.password(), UserLoginRequest.of(c.extension()));
            case Command.MobileAgentLogin c -> login(request, c.agentId(), c.password(),
                    UserLoginRequest.mobile(c.extension(), c.mode(), c.dialNumber()));
            case Command.Logout c -> state(request, c.targetAgentId(), UserStateRequest.logout());
            case Command.LogoutWithReason c -> state(request, c.agentId(),
                    UserStateRequest.logout(reasonCodeId(c.agentId(), "LOGOUT", c.reasonCode())));
            case Command.GetState c -> request.reply(stateOf(agent(c.agentId()), c.agentId()));
            case Command.MakeNotReady c -> state(request, c.targetAgentId(), UserStateRequest.notReady());
            case Command.MakeNotReadyWithReason c -> state(request, c.agentId(),
                    UserStateRequest.notReady(reasonCodeId(c.agentId(), "NOT_READY", c.reasonCode())));
            case Command.MakeReady c -> state(request, c.targetAgentId(), UserStateRequest.ready());
            case Command.MakeWorkReady c -> state(request, c.targetAgentId(), new UserStateRequest(UserState.WORK_READY, null));
            case Command.MakeWorkNotReady c -> state(request, c.targetAgentId(), new UserStateRequest(UserState.WORK, null));
            case Command.MakeCall c -> {
                FinesseAgent a = agent(c.agentId());
                createDialog(request, a, DialogRequest.makeCall(extension(a), c.number()));
            }
            case Command.AnswerCall c -> onDialog(request, c.dialogId(), a -> DialogRequest.answer(extension(a)));
            case Command.ReleaseCall c -> onDialog(request, c.dialogId(), a -> DialogRequest.drop(extension(a)));
            case Command.HoldCall c -> onDialog(request, c.dialogId(), a -> DialogRequest.hold(extension(a)));
            case Command.RetrieveCall c -> onDialog(request, c.dialogId(), a -> DialogRequest.retrieve(extension(a)));
            case Command.TransferSst c -> onDialog(request, c.dialogId(), a -> DialogRequest.transferSst(extension(a), c.number()));
            case Command.ConsultCall c -> onDialog(request, c.dialogId(), a -> DialogRequest.consultCall(extension(a), c.number()));
            case Command.TransferCall c -> onDialog(request, c.dialogId(), a -> DialogRequest.transfer(extension(a)));
            case Command.ConferenceCall c -> onDialog(request, c.dialogId(), a -> DialogRequest.conference(extension(a)));
            case Command.GetDialogState c -> dialogState(request, c);
            case Command.GetLogoutReasonCodes c -> reasonCodes(request, c.agentId(), Values.ReasonCategory.LOGOUT);
            case Command.GetNotReadyReasonCodes c -> reasonCodes(request, c.agentId(), Values.ReasonCategory.NOT_READY);
            case Command.GetWrapUpReasons c -> wrapUpReasons(request, c.agentId());
            case Command.WrapUp c -> onDialog(request, c.dialogId(),
                    a -> DialogRequest.updateCallData(new CallData(wrapUpLabel(a, c.reason()), null)));
            case Command.UpdateCallVariables c -> onDialog(request, c.dialogId(), a -> DialogRequest.updateCallData(
                    new CallData(null, new MediaProperties.CallVariables(c.variables().stream()
                            .map(v -> new NameValue(v.name(), v.value())).toList()))));
            case Command.GetAgentsList c -> agentsList(request, c.agentId());
            case Command.GetPhonebooks c -> request.reply(new Event.Phonebooks(c.agentId(), phoneBooks(c.agentId(),
                    "/finesse/api/User/" + c.agentId() + "/PhoneBooks", null)));
            case Command.GetPhonebookContacts c -> contacts(request, c);
            case Command.GetTeamPhonebooks c -> request.reply(new Event.TeamPhonebooks(c.agentId(), phoneBooks(c.agentId(),
                    "/finesse/api/TeamResource/" + c.teamId() + "/PhoneBooks", "TEAM")));
            case Command.GetQueueList c -> queueList(request, c.agentId());
            case Command.SilentMonitor c -> {
                FinesseAgent a = agent(c.agentId());
                createDialog(request, a, DialogRequest.silentMonitor(extension(a), c.targetExtension()));
            }
            case Command.EndSilentMonitor c -> onDialog(request, c.dialogId(), a -> DialogRequest.drop(extension(a)));
            case Command.DropParticipant c -> {
                requireUcce("dropparticipant (PARTICIPANT_DROP)");
                onDialog(request, c.dialogId(), a -> DialogRequest.participantDrop(c.extension()));
            }
            case Command.BargeIn c -> {
                FinesseAgent a = agent(c.agentId());
                createDialog(request, a, DialogRequest.bargeCall(extension(a), c.extension(),
                        "/finesse/api/Dialog/" + c.dialogId()));
            }
            case Command.GetTeamUsers c -> teamUsers(request, c);
            case Command.GetTeamUserState c -> teamUserState(request, c);
            case Command.AcceptOutboundPreview c -> onDialog(request, c.dialogId(), a -> DialogRequest.onTarget(DialogAction.ACCEPT, extension(a)));
            case Command.RejectOutboundPreview c -> onDialog(request, c.dialogId(), a -> DialogRequest.onTarget(DialogAction.REJECT, extension(a)));
            case Command.CloseOutboundPreview c -> onDialog(request, c.dialogId(), a -> DialogRequest.onTarget(DialogAction.CLOSE, extension(a)));
            case Command.GetSkillGroups c -> skillGroups(request, c.agentId());
            case Command.GetSupervisors c -> supervisors(request, c.agentId());
            case Command.ScheduleCallback c -> callback(request, c.dialogId(), Values.CallbackAction.SCHEDULED,
                    DialogRequest.updateScheduledCallback(c.targetMediaAddress(), c.callbackTime(), c.callbackNumber()),
                    c.callbackTime(), c.callbackNumber());
            case Command.UpdateCallback c -> callback(request, c.dialogId(), Values.CallbackAction.UPDATED,
                    DialogRequest.updateScheduledCallback(c.targetMediaAddress(), c.callbackTime(), c.callbackNumber()),
                    c.callbackTime(), c.callbackNumber());
            case Command.CancelCallback c -> callback(request, c.dialogId(), Values.CallbackAction.CANCELED,
                    DialogRequest.cancelScheduledCallback(c.targetMediaAddress()), "", "");
            case Command.ReclassifyCall c -> {
                onDialog(request, c.dialogId(), a -> DialogRequest.reclassify(c.targetMediaAddress(), c.value()));
                request.reply(new Event.Reclassified(c.agentId(), c.dialogId(), c.value()));
            }
            case Command.Hello c -> throw unsupported("Hello is the connector's");
            case Command.Beat c -> throw unsupported("Beat is the connector's");
        }
    }

    // ------------------------------------------------------------------ agents and state

    private FinesseAgent agent(String agentId) throws AcdException {
        return adapter.agent(agentId).orElseThrow(() -> new AcdException(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE,
                AcdException.Kind.REJECTED, "agent " + agentId + " has no Finesse session: send Connect first"));
    }

    private static String extension(FinesseAgent agent) throws AcdException {
        String extension = agent.extension();
        if (extension.isBlank()) {
            throw AcdException.rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "agent " + agent.agentId() + " is not logged in");
        }
        return extension;
    }

    /** Login: PUT LOGIN as the agent; the settling User notification is answered AgentInfo, State, DialogStatus. */
    private void login(CommandRequest request, String agentId, String password, UserLoginRequest body) throws AcdException {
        FinesseAgent agent = adapter.agent(agentId).orElse(null);
        if (agent == null || agent.session() == null || !agent.session().isConnected()) {
            agent = adapter.connect(agentId, password, false);
        } else if (!agent.credentials().bearer()) {
            agent.credentials(FinesseCredentials.basic(agentId, password));
        }
        FinesseAgent a = agent;
        User current = fetchUser(a, agentId);
        if (current.state() != UserState.LOGOUT && current.state() != UserState.UNKNOWN
                && current.extension().equals(body.extension()) && body.mobileAgent() == null) {
            // already signed in on this extension: Finesse would change nothing and send no notification
            a.user(current);
            adapter.mapper().agentInfo(current).forEach(request::reply);
            adapter.mapper().state(current).ifPresent(request::reply);
            adapter.refreshDialogs(a);
            request.reply(adapter.mapper().dialogStatus(a));
            return;
        }
        Predicate<FinesseUpdate> settles = u -> u.data() instanceof UpdateData.UserData d
                && d.user().loginId().equals(agentId) && d.user().state() != UserState.LOGOUT;
        Function<FinesseUpdate, List<Event>> info = u -> adapter.mapper().agentInfo(((UpdateData.UserData) u.data()).user());
        PendingRequests.Pending p = adapter.pending().open(agentId, request, settles, info);
        try {
            adapter.rest().put("/finesse/api/User/" + agentId, body, a.credentials(), p.requestId, RequestTarget.USER);
            if (p.await(timeout()).isEmpty()) {
                User user = fetchUser(a, agentId);
                if (user.state() == UserState.LOGOUT) {
                    throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE,
                            "login accepted but the agent is still logged out after " + timeout().toMillis() + " ms");
                }
                a.user(user);
                adapter.mapper().agentInfo(user).forEach(request::reply);
                adapter.mapper().state(user).ifPresent(request::reply);
            }
        } catch (AcdException e) {
            throw loginError(e);
        } finally {
            adapter.pending().close(p);
        }
        adapter.refreshDialogs(a);
        request.reply(adapter.mapper().dialogStatus(a));
    }

    /** Login answers use the guide's login codes: an unexplained failure is GENERAL_ERROR. */
    private static AcdException loginError(AcdException e) {
        if (e.code() == ErrorCode.CF_GENERIC_UNSPECIFIED) {
            return new AcdException(ErrorCode.GENERAL_ERROR, e.kind(), e.getMessage(), e);
        }
        return e;
    }

    /** A state change of the agent or, for a supervisor, of a team member: PUT /User/{target}. */
    private void state(CommandRequest request, String targetId, UserStateRequest body) throws AcdException {
        String agentId = request.command().agentId();
        FinesseAgent agent = agent(agentId);
        Predicate<FinesseUpdate> settles = u -> u.data() instanceof UpdateData.UserData d && d.user().loginId().equals(targetId);
        PendingRequests.Pending p = adapter.pending().open(agentId, request, settles, u -> List.of());
        try {
            adapter.rest().put("/finesse/api/User/" + targetId, body, agent.credentials(), p.requestId, RequestTarget.USER);
            if (p.await(timeout()).isEmpty()) {
                // no notification: Finesse sends none when nothing changed; the User says where we are
                User user = fetchUser(agent, targetId);
                if (targetId.equals(agentId)) {
                    agent.user(user);
                }
                adapter.mapper().state(user).ifPresent(request::reply);
            }
        } finally {
            adapter.pending().close(p);
        }
    }

    private Event stateOf(FinesseAgent agent, String agentId) throws AcdException {
        User user = fetchUser(agent, agentId);
        agent.user(user);
        return adapter.mapper().state(user).orElseThrow(() -> AcdException.rejected(ErrorCode.CF_GENERIC_UNSPECIFIED,
                "Finesse reports state " + user.state()));
    }

    private User fetchUser(FinesseAgent agent, String userId) throws AcdException {
        return adapter.rest().get("/finesse/api/User/" + userId, User.class, agent.credentials(), RequestTarget.USER);
    }

    /** The reason code's database id for the code a GC client gives (a label's code; its id is accepted too). */
    private String reasonCodeId(String agentId, String category, String code) throws AcdException {
        FinesseAgent agent = agent(agentId);
        ReasonCodes codes = adapter.rest().get("/finesse/api/User/" + agentId + "/ReasonCodes?category=" + category,
                ReasonCodes.class, agent.credentials(), RequestTarget.USER);
        String wanted = code.strip();
        return codes.items().stream().filter(r -> r.code().strip().equals(wanted)).findFirst()
                .or(() -> codes.items().stream().filter(r -> r.dbId().equals(wanted)).findFirst())
                .map(ReasonCode::dbId)
                .orElseThrow(() -> AcdException.rejected(ErrorCode.CF_GENERIC_OPERATION,
                        "no " + category + " reason code " + wanted + " for agent " + agentId));
    }

    // ------------------------------------------------------------------ dialogs

    /** PUT /Dialog/{id} as the agent; waits for the Dialog notification carrying the requestId. */
    private void onDialog(CommandRequest request, String dialogId, DialogBody body) throws AcdException {
        FinesseAgent agent = agent(request.command().agentId());
        DialogRequest dialogRequest = body.build(agent);
        Predicate<FinesseUpdate> settles = u -> u.data() instanceof UpdateData.DialogData
                || u.data() instanceof UpdateData.DialogsData;
        if (dialogRequest.requestedAction() == DialogAction.CONSULT_CALL) {
            settles = addedTo(agent); // the consult dialog, not the held original, answers a consult
        }
        PendingRequests.Pending p = adapter.pending().open(agent.agentId(), request, settles, u -> List.of());
        try {
            adapter.rest().put("/finesse/api/Dialog/" + dialogId, dialogRequest, agent.credentials(), p.requestId,
                    RequestTarget.DIALOG);
            if (p.await(timeout()).isEmpty()) {
                // 202 and no notification (Finesse sends none when nothing visible changed, e.g. a wrap-up reason):
                // the dialog must still be readable on this node, else the outcome is unknown
                adapter.rest().get("/finesse/api/Dialog/" + dialogId, Dialog.class, agent.credentials(), RequestTarget.DIALOG);
            }
        } finally {
            adapter.pending().close(p);
        }
    }

    /** POST /User/{id}/Dialogs (MAKE_CALL, SILENT_MONITOR, BARGE_CALL). */
    private void createDialog(CommandRequest request, FinesseAgent agent, DialogRequest body) throws AcdException {
        PendingRequests.Pending p = adapter.pending().open(agent.agentId(), request, addedTo(agent), u -> List.of());
        try {
            adapter.rest().post("/finesse/api/User/" + agent.agentId() + "/Dialogs", body, agent.credentials(),
                    p.requestId, RequestTarget.USER);
            awaitOrRetry(p, body.requestedAction());
        } finally {
            adapter.pending().close(p);
        }
    }

    /** A dialog added (POST) to the agent's own Dialogs node: the answer to MAKE_CALL, CONSULT_CALL, monitor, barge. */
    private static Predicate<FinesseUpdate> addedTo(FinesseAgent agent) {
        String source = "/finesse/api/User/" + agent.agentId() + "/Dialogs";
        return u -> u.data() instanceof UpdateData.DialogsData && u.event() == org.genericconnector.finesse.notification.UpdateEvent.POST
                && u.source().equalsIgnoreCase(source);
    }

    private void awaitOrRetry(PendingRequests.Pending p, DialogAction action) throws AcdException {
        if (p.await(timeout()).isEmpty()) {
            throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE,
                    action + " accepted but no notification within " + timeout().toMillis() + " ms");
        }
    }

    private void callback(CommandRequest request, String dialogId, Values.CallbackAction action, DialogRequest body,
                          String time, String number) throws AcdException {
        onDialog(request, dialogId, a -> body);
        request.reply(new Event.Callback(request.command().agentId(), action, dialogId, time, number));
    }

    private void dialogState(CommandRequest request, Command.GetDialogState c) throws AcdException {
        FinesseAgent agent = agent(c.agentId());
        Dialog dialog = adapter.rest().get("/finesse/api/Dialog/" + c.dialogId(), Dialog.class, agent.credentials(),
                RequestTarget.DIALOG);
        CallState state = FinesseEventMapper.callState(dialog, agent.extension());
        request.reply(new Event.DialogState(c.agentId(), state == null ? CallState.ACTIVE : state, c.dialogId(),
                agent.fullName()));
    }

    /** A wrap-up reason given by its id is sent as its label (Finesse takes the label). */
    private String wrapUpLabel(FinesseAgent agent, String reason) throws AcdException {
        WrapUpReasons reasons = adapter.rest().get("/finesse/api/User/" + agent.agentId() + "/WrapUpReasons",
                WrapUpReasons.class, agent.credentials(), RequestTarget.USER);
        return reasons.items().stream().filter(r -> r.dbId().equals(reason.strip())).map(WrapUpReason::label)
                .findFirst().orElse(reason);
    }

    // ------------------------------------------------------------------ lists

    private void reasonCodes(CommandRequest request, String agentId, Values.ReasonCategory category) throws AcdException {
        FinesseAgent agent = agent(agentId);
        ReasonCodes codes = adapter.rest().get("/finesse/api/User/" + agentId + "/ReasonCodes?category=" + category.name(),
                ReasonCodes.class, agent.credentials(), RequestTarget.USER);
        List<Values.ReasonCode> list = codes.items().stream().filter(r -> !r.code().isBlank())
                .map(r -> new Values.ReasonCode(r.code(), r.label())).toList();
        request.reply(new Event.ReasonCodes(agentId, category, list, agent.fullName()));
    }

    private void wrapUpReasons(CommandRequest request, String agentId) throws AcdException {
        FinesseAgent agent = agent(agentId);
        WrapUpReasons reasons = adapter.rest().get("/finesse/api/User/" + agentId + "/WrapUpReasons",
                WrapUpReasons.class, agent.credentials(), RequestTarget.USER);
        List<Values.ReasonCode> list = reasons.items().stream().filter(r -> !r.dbId().isBlank())
                .map(r -> new Values.ReasonCode(r.dbId(), r.label())).toList();
        request.reply(new Event.ReasonCodes(agentId, Values.ReasonCategory.WRAP_UP, list, agent.fullName()));
    }

    private List<Values.Phonebook> phoneBooks(String agentId, String path, String onlyType) throws AcdException {
        FinesseAgent agent = agent(agentId);
        PhoneBooks books = adapter.rest().get(path, PhoneBooks.class, agent.credentials(), RequestTarget.OTHER,
                Map.of("Range", "objects=1-1500"));
        List<Values.Phonebook> list = new ArrayList<>();
        for (PhoneBook b : books.items()) {
            if (onlyType == null || b.type().equalsIgnoreCase(onlyType)) {
                list.add(new Values.Phonebook(b.name(), b.type(), b.id()));
            }
        }
        return list;
    }

    private void contacts(CommandRequest request, Command.GetPhonebookContacts c) throws AcdException {
        FinesseAgent agent = agent(c.agentId());
        Contacts contacts = adapter.rest().get("/finesse/api/PhoneBook/" + c.phonebookId() + "/Contacts", Contacts.class,
                agent.credentials(), RequestTarget.OTHER, Map.of("Range", "objects=1-6000"));
        request.reply(new Event.PhonebookContacts(c.agentId(), contacts.items().stream()
                .map(x -> new Values.Contact(x.description(), x.firstName(), x.lastName(), x.phoneNumber(),
                        lastSegment(x.uri()))).toList()));
    }

    private void queueList(CommandRequest request, String agentId) throws AcdException {
        FinesseAgent agent = agent(agentId);
        Queues queues = adapter.rest().get("/finesse/api/User/" + agentId + "/Queues", Queues.class, agent.credentials(),
                RequestTarget.USER);
        FinesseEventMapper mapper = adapter.mapper();
        request.reply(new Event.QueueList(agentId, queues.items().stream()
                .map(q -> mapper.queue(q, agent.isSupervisor())).toList()));
        if (agent.isSupervisor() && adapter.ucce()) {
            subscribeAll(agent, queues.items().stream().map(q -> "/finesse/api/Queue/" + q.id()).toList());
        }
    }

    private void teamUsers(CommandRequest request, Command.GetTeamUsers c) throws AcdException {
        FinesseAgent agent = agent(c.agentId());
        Team team = adapter.rest().get("/finesse/api/Team/" + c.teamId(), Team.class, agent.credentials(), RequestTarget.OTHER);
        request.reply(new Event.TeamUsersList(c.agentId(), team.users().items().stream()
                .map(FinesseEventMapper::teamUser).toList()));
        if (c.subscribe()) {
            subscribeAll(agent, List.of("/finesse/api/Team/" + c.teamId() + "/Users"));
        }
    }

    private void subscribeAll(FinesseAgent agent, List<String> nodes) throws AcdException {
        var session = agent.session();
        if (session == null) {
            throw new AcdException(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE, AcdException.Kind.RETRIABLE,
                    "no XMPP session for " + agent.agentId());
        }
        for (String node : nodes) {
            if (agent.explicitNodes().add(node)) {
                try {
                    session.subscribe(node);
                } catch (AcdException e) {
                    agent.explicitNodes().remove(node);
                    throw e;
                }
            }
        }
    }

    private void teamUserState(CommandRequest request, Command.GetTeamUserState c) throws AcdException {
        FinesseAgent agent = agent(c.agentId());
        User member = fetchUser(agent, c.teamAgentId());
        request.reply(new Event.TeamMemberStateChanged(c.agentId(), member.teamId(),
                FinesseEventMapper.agentState(member.state()), member.loginId()));
    }

    /** Admin: GET /Users, the logged-in ones. */
    private void agentsList(CommandRequest request, String agentId) throws AcdException {
        FinesseAgent agent = agent(agentId);
        UsersList users = adapter.rest().get("/finesse/api/Users", UsersList.class, agent.credentials(), RequestTarget.OTHER);
        request.reply(new Event.AgentsList(agentId, users.items().stream()
                .filter(u -> u.state() != UserState.LOGOUT && u.state() != UserState.UNKNOWN)
                .map(u -> new Values.AgentSummary(u.loginId(), FinesseEventMapper.fullName(u), u.extension(),
                        u.state().name(), u.teamName())).toList()));
    }

    /** UCCE: skill groups are Finesse's queues (a queue id is the skill group's peripheral number). */
    private void skillGroups(CommandRequest request, String agentId) throws AcdException {
        requireUcce("GETSKILLGROPU");
        FinesseAgent agent = agent(agentId);
        Queues queues = adapter.rest().get("/finesse/api/User/" + agentId + "/Queues", Queues.class, agent.credentials(),
                RequestTarget.USER);
        request.reply(new Event.SkillGroups(agentId, queues.items().stream()
                .map((Queue q) -> new Values.SkillGroup(q.id(), q.name())).toList()));
    }

    /** UCCE: the users of GET /Users with the Supervisor role. */
    private void supervisors(CommandRequest request, String agentId) throws AcdException {
        requireUcce("GETSUPERVISOR");
        FinesseAgent agent = agent(agentId);
        UsersList users = adapter.rest().get("/finesse/api/Users", UsersList.class, agent.credentials(), RequestTarget.OTHER);
        request.reply(new Event.Supervisors(agentId, users.items().stream().filter(u -> u.hasRole("Supervisor"))
                .map(u -> new Values.Supervisor(u.loginId(), u.firstName(), u.lastName())).toList()));
    }

    private void requireUcce(String what) throws AcdException {
        if (!adapter.ucce()) {
            throw new AcdException(ErrorCode.UNSUPPORTED_COMMAND, AcdException.Kind.PERMANENT,
                    what + " is UCCE only; this Finesse is UCCX");
        }
    }

    private static AcdException unsupported(String why) {
        return new AcdException(ErrorCode.UNSUPPORTED_COMMAND, AcdException.Kind.PERMANENT, why);
    }

    private Duration timeout() {
        return adapter.settings().notificationTimeout();
    }

    private static String lastSegment(String uri) {
        String u = uri.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.substring(u.lastIndexOf('/') + 1);
    }

    /** Builds a dialog request for the acting agent (its extension is the usual target). */
    @FunctionalInterface
    private interface DialogBody {
        DialogRequest build(FinesseAgent agent) throws AcdException;
    }


}
