package org.genericconnector.finesse;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

import okhttp3.OkHttpClient;

import org.genericconnector.finesse.error.FinesseErrorMapper;
import org.genericconnector.finesse.error.MappedError;
import org.genericconnector.finesse.error.RequestTarget;
import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.notification.UpdateData;
import org.genericconnector.finesse.notification.UpdateEvent;
import org.genericconnector.finesse.rest.FinesseCredentials;
import org.genericconnector.finesse.rest.FinesseRestClient;
import org.genericconnector.finesse.rest.FinesseTls;
import org.genericconnector.finesse.rest.RequestGate;
import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.Dialogs;
import org.genericconnector.finesse.xml.SystemInfo;
import org.genericconnector.finesse.xml.User;
import org.genericconnector.finesse.xml.UserState;
import org.genericconnector.finesse.xmpp.FinesseXmppSession;
import org.genericconnector.finesse.xmpp.XmppEndpoint;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.CommandRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cisco Finesse adapter: GC commands become Finesse REST requests (on the active node, as the agent),
 * each agent holds its own XMPP session whose notifications become GC events, and {@link FinesseLink}
 * watches the node and fails over. See docs/FINESSE.md for the mapping of every command.
 *
 * <p>Thread-safe. {@link #execute} runs on the agent's mailbox thread and blocks on REST and on the
 * notification that settles the request; notifications for one agent are handled in order on Smack's
 * ordered executor, and each agent's events are sent from there (or replied from the command while the
 * command waits), so an agent's events keep Finesse's order.
 */
public final class FinesseAdapter implements AcdAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseAdapter.class);
    static final Set<CommandName> SUPPORTED = supported();

    private final FinesseSettings settings;
    private final FinesseTls tls;
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Map<String, FinesseAgent> agents = new ConcurrentHashMap<>();
    private final PendingRequests pending = new PendingRequests();
    /** Agents whose re-login failed during a resync that the others survived: retried once the link is IN_SERVICE. */
    private final java.util.Set<FinesseAgent> stranded = ConcurrentHashMap.newKeySet();
    private final FinesseErrorMapper errors = new FinesseErrorMapper();
    private final FinesseLink link;
    private final FinesseCommands commands;
    private volatile AdapterContext context;

    FinesseAdapter(FinesseSettings settings) {
        this.settings = settings;
        this.tls = FinesseTls.load(settings.trustStore(), settings.trustStorePassword(), settings.trustStoreType());
        this.http = FinesseRestClient.newHttpClient(tls, settings.httpConnectTimeout(), settings.httpReadTimeout(),
                settings.maxConcurrent());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "finesse-timer");
            t.setDaemon(true);
            return t;
        });
        List<FinesseServer> configured = new ArrayList<>();
        configured.add(server("primary", settings.primaryUrl()));
        settings.secondaryUrl().ifPresent(u -> configured.add(server("secondary", u)));
        this.link = new FinesseLink(settings, scheduler, configured, this::alternate, this::resync, this::linkChanged);
        this.commands = new FinesseCommands(this);
    }

    private FinesseServer server(String name, URI url) {
        RequestGate gate = new RequestGate(settings.maxConcurrent(), settings.maxQueued(), settings.queueWait());
        return new FinesseServer(name, url.getHost(), new FinesseRestClient(http, url, gate));
    }

    /** The node SystemInfo names as the partner, reached like the primary (same scheme and port). */
    private FinesseServer alternate(String host) {
        URI p = settings.primaryUrl();
        return server("secondary", URI.create(p.getScheme() + "://" + host + (p.getPort() > 0 ? ":" + p.getPort() : "")));
    }

    @Override
    public void start(AdapterContext context) {
        this.context = context;
        link.start();
    }

    @Override
    public Set<CommandName> supportedCommands() {
        return SUPPORTED;
    }

    @Override
    public void execute(CommandRequest request) throws AcdException {
        if (link.status() != LinkStatus.IN_SERVICE) {
            throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, "Finesse is out of service");
        }
        commands.execute(request);
    }

    @Override
    public LinkStatus linkStatus() {
        return link.status();
    }

    @Override
    public List<Event> snapshot(String agentId) {
        FinesseAgent agent = agents.get(agentId);
        if (agent == null || agent.user() == null) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        mapper().state(agent.user()).ifPresent(events::add);
        events.add(mapper().dialogStatus(agent));
        return events;
    }

    @Override
    public void agentReleased(String agentId) {
        FinesseAgent agent = agents.remove(agentId);
        if (agent != null) {
            FinesseXmppSession session = agent.session(null);
            if (session != null) {
                session.close(); // unsubscribes team users and queues first
            }
            LOG.info("GC-FIN-AGENT-RELEASED agent={}", agentId);
        }
    }

    @Override
    public void close() {
        link.close();
        pending.failAll("the adapter is closing");
        agents.values().forEach(a -> {
            FinesseXmppSession s = a.session(null);
            if (s != null) {
                s.close();
            }
        });
        agents.clear();
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ------------------------------------------------------------------ used by FinesseCommands

    FinesseSettings settings() {
        return settings;
    }

    FinesseRestClient rest() {
        return link.active().rest();
    }

    PendingRequests pending() {
        return pending;
    }

    boolean ucce() {
        return settings.deploymentType().map("UCCE"::equals)
                .orElseGet(() -> link.systemInfo() == null || link.systemInfo().isUcce());
    }

    FinesseEventMapper mapper() {
        return new FinesseEventMapper(ucce());
    }

    Optional<FinesseAgent> agent(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    void publish(Event event) {
        AdapterContext ctx = context;
        if (ctx != null) {
            ctx.publish(event);
        }
    }

    /**
     * Connect: checks the credentials with a GET of the User, logs the agent in to XMPP (auto
     * subscriptions to its User and Dialogs nodes follow) and replaces an older session of the same agent.
     */
    FinesseAgent connect(String agentId, String password, boolean sso) throws AcdException {
        FinesseCredentials credentials = sso ? FinesseCredentials.sso(agentId, password)
                : FinesseCredentials.basic(agentId, password);
        User user;
        try {
            user = rest().get("/finesse/api/User/" + agentId, User.class, credentials, RequestTarget.USER);
        } catch (AcdException e) {
            if (e.kind() == AcdException.Kind.PERMANENT) {
                throw new AcdException(ErrorCode.SUBSCRIPTION_FAILED, AcdException.Kind.PERMANENT, e.getMessage(), e);
            }
            throw e;
        }
        FinesseAgent agent = agents.computeIfAbsent(agentId, id -> new FinesseAgent(id, credentials));
        agent.credentials(credentials);
        agent.user(user);
        // the old session goes first: a second login with the same resource would make the server kick one of them
        FinesseXmppSession old = agent.session(null);
        if (old != null) {
            old.close();
        }
        FinesseXmppSession session = FinesseXmppSession.open(endpoint(link.active(), link.systemInfo()), agentId,
                password, new Listener(agent));
        agent.session(session);
        for (String node : agent.explicitNodes()) {
            session.subscribe(node);
        }
        if (user.state() != UserState.LOGOUT) {
            refreshDialogs(agent);
        }
        LOG.info("GC-FIN-AGENT-CONNECTED agent={} node={}", agentId, link.active().name());
        return agent;
    }

    /** GET /User/{id}/Dialogs and remember them as reported (their state is in DialogStatus). */
    void refreshDialogs(FinesseAgent agent) throws AcdException {
        Dialogs dialogs = rest().get("/finesse/api/User/" + agent.agentId() + "/Dialogs", Dialogs.class,
                agent.credentials(), RequestTarget.USER);
        agent.replaceDialogs(dialogs.items());
        for (Dialog d : dialogs.items()) {
            var state = FinesseEventMapper.callState(d, agent.extension());
            if (state != null) {
                agent.report(d.id(), state);
            }
        }
    }

    private XmppEndpoint endpoint(FinesseServer server, SystemInfo info) {
        String domain = settings.xmppDomain().orElseGet(() -> info == null || info.xmppDomain().isBlank()
                ? server.host() : info.xmppDomain());
        String pubsub = info != null && !info.xmppPubSubDomain().isBlank() ? info.xmppPubSubDomain() : "pubsub." + domain;
        return new XmppEndpoint(server.host(), settings.xmppPortFor(info, domain), domain, pubsub, settings.xmppResource(),
                settings.xmppSecurity(), tls.trustManager(), settings.xmppConnectTimeout(), settings.pingInterval());
    }

    // ------------------------------------------------------------------ failover

    private void linkChanged(LinkStatus status) {
        if (status == LinkStatus.OUT_OF_SERVICE) {
            pending.failAll("Finesse went out of service");
            stranded.clear(); // the next recovery re-logs everyone
        } else if (status == LinkStatus.IN_SERVICE) {
            List<FinesseAgent> retry = List.copyOf(stranded);
            stranded.clear();
            for (FinesseAgent agent : retry) {
                LOG.warn("GC-FIN-RELOGIN-RETRY agent={}: its session did not come back with the node; retrying", agent.agentId());
                scheduler.schedule(() -> Thread.ofVirtual().start(() -> reconnectAgent(agent, 1)),
                        settings.retryMin().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        AdapterContext ctx = context;
        if (ctx != null) {
            ctx.linkStatusChanged(status);
        }
    }

    /**
     * After a loss: every agent's XMPP session is opened again on {@code server} (bounded parallelism,
     * virtual threads), its explicit subscriptions redone and its User and Dialogs fetched again. An agent
     * whose credentials are now refused gets SUBSCRIPTION_FAILED; a node that refuses every agent's XMPP
     * is not used.
     */
    private void resync(FinesseServer server, SystemInfo info) throws AcdException {
        XmppEndpoint endpoint = endpoint(server, info);
        List<FinesseAgent> all = List.copyOf(agents.values());
        Semaphore parallel = new Semaphore(settings.reloginParallelism());
        List<Thread> threads = new ArrayList<>();
        List<AcdException> unreachable = java.util.Collections.synchronizedList(new ArrayList<>());
        for (FinesseAgent agent : all) {
            threads.add(Thread.ofVirtual().name("finesse-relogin-" + agent.agentId()).start(() -> {
                parallel.acquireUninterruptibly();
                try {
                    relogin(agent, endpoint, server);
                } catch (AcdException e) {
                    if (e.code() == ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE || e.code() == ErrorCode.PLEASE_RETRY) {
                        unreachable.add(e);
                        stranded.add(agent);
                    } else {
                        LOG.warn("GC-FIN-RELOGIN-REFUSED agent={}: {}", agent.agentId(), e.getMessage());
                        publish(new Event.ErrorEvent(agent.agentId(), e.code()));
                    }
                } finally {
                    parallel.release();
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, "interrupted");
            }
        }
        if (!all.isEmpty() && unreachable.size() == all.size()) {
            stranded.clear();
            throw unreachable.get(0);
        }
    }

    private void relogin(FinesseAgent agent, XmppEndpoint endpoint, FinesseServer server) throws AcdException {
        FinesseXmppSession old = agent.session(null);
        if (old != null) {
            old.abandon();
        }
        FinesseCredentials credentials = agent.credentials();
        FinesseXmppSession session = FinesseXmppSession.open(endpoint, agent.agentId(), credentials.secret(),
                new Listener(agent));
        agent.session(session);
        for (String node : agent.explicitNodes()) {
            session.subscribe(node);
        }
        agent.user(server.rest().get("/finesse/api/User/" + agent.agentId(), User.class, credentials, RequestTarget.USER));
        Dialogs dialogs = server.rest().get("/finesse/api/User/" + agent.agentId() + "/Dialogs", Dialogs.class,
                credentials, RequestTarget.USER);
        agent.replaceDialogs(dialogs.items());
        for (Dialog d : dialogs.items()) {
            var state = FinesseEventMapper.callState(d, agent.extension());
            if (state != null) {
                agent.report(d.id(), state);
            }
        }
    }

    /** Re-opens one agent's dropped session while the node itself is fine; retried with back-off. */
    private void reconnectAgent(FinesseAgent agent, int attempt) {
        if (agents.get(agent.agentId()) != agent || link.status() != LinkStatus.IN_SERVICE) {
            return; // released, or the node recovery will re-login everyone
        }
        try {
            relogin(agent, endpoint(link.active(), link.systemInfo()), link.active());
            snapshot(agent.agentId()).forEach(this::publish);
            LOG.info("GC-FIN-AGENT-RECONNECTED agent={} attempt={}", agent.agentId(), attempt);
        } catch (AcdException e) {
            if (e.code() == ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE) {
                // the notification service itself is unreachable: the node is not usable; recovery re-logs everyone
                link.lost("notification service unreachable: " + e.getMessage());
                return;
            }
            long delay = Math.min(settings.retryMax().toMillis(), settings.retryMin().toMillis() << Math.min(attempt, 16));
            LOG.warn("GC-FIN-AGENT-RECONNECT-FAILED agent={} attempt={} retry in {} ms: {}", agent.agentId(), attempt,
                    delay, e.getMessage());
            if (e.kind() != AcdException.Kind.PERMANENT) {
                scheduler.schedule(() -> Thread.ofVirtual().start(() -> reconnectAgent(agent, attempt + 1)), delay,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                publish(new Event.ErrorEvent(agent.agentId(), e.code()));
            }
        }
    }

    // ------------------------------------------------------------------ notifications

    /** One agent's notifications: events in Finesse's order, replied to a waiting command or published. */
    private final class Listener implements FinesseXmppSession.Listener {
        private final FinesseAgent agent;

        Listener(FinesseAgent agent) {
            this.agent = agent;
        }

        @Override
        public void onUpdate(FinesseXmppSession session, FinesseUpdate update) {
            if (agent.session() != session) {
                return; // a replaced session's late stanza
            }
            PendingRequests.Pending waiting = pending.find(update.requestId());
            if (update.data() instanceof UpdateData.ErrorData error) {
                MappedError mapped = errors.fromApiErrors(error.errors());
                if (waiting != null && !waiting.isDone()) {
                    waiting.fail(mapped);
                } else {
                    LOG.info("GC-FIN-ASYNC-ERROR agent={} source={} {}", agent.agentId(), update.source(), mapped.detail());
                    publish(new Event.ErrorEvent(agent.agentId(), mapped.code()));
                }
                return;
            }
            if (update.data() instanceof UpdateData.SystemInfoData info) {
                link.systemInfo(info.systemInfo());
                return;
            }
            List<Event> events = new ArrayList<>();
            if (LOG.isDebugEnabled()) {
                LOG.debug("agent={} update {} {} requestId={} data={}", agent.agentId(), update.event(), update.source(),
                        update.requestId(), update.data());
            }
            boolean settles = waiting != null && !waiting.isDone() && waiting.settles.test(update);
            if (settles) {
                events.addAll(waiting.firstEvents.apply(update));
            }
            events.addAll(events(update));
            for (Event e : events) {
                LOG.debug("agent={} event {}", agent.agentId(), e);
                if (waiting != null && !waiting.isDone() && e.agentId().equals(waiting.agentId)) {
                    waiting.request.reply(e);
                } else {
                    publish(e);
                }
            }
            if (settles) {
                waiting.complete(update);
            }
        }

        private List<Event> events(FinesseUpdate update) {
            FinesseEventMapper mapper = mapper();
            return switch (update.data()) {
                case UpdateData.UserData u -> {
                    if (!u.user().loginId().equals(agent.agentId()) || update.event() == UpdateEvent.DELETE) {
                        yield List.of();
                    }
                    agent.user(u.user());
                    yield mapper.state(u.user()).<List<Event>>map(List::of).orElse(List.of());
                }
                case UpdateData.DialogData d -> mapper.dialog(agent, d.dialog(), update.event() == UpdateEvent.DELETE);
                case UpdateData.DialogsData d -> d.dialogs().items().stream()
                        .flatMap(x -> mapper.dialog(agent, x, update.event() == UpdateEvent.DELETE).stream()).toList();
                case UpdateData.TeamUserData t -> List.of(new Event.TeamMemberStateChanged(agent.agentId(), t.teamId(),
                        FinesseEventMapper.agentState(t.user().state()), t.user().loginId()));
                case UpdateData.QueueData q -> update.event() == UpdateEvent.DELETE ? List.of()
                        : List.of(new Event.QueueList(agent.agentId(), List.of(mapper.queue(q.queue(), agent.isSupervisor()))));
                default -> List.of();
            };
        }

        @Override
        public void onConnectionLost(FinesseXmppSession session, Exception cause) {
            if (agent.session() != session) {
                return;
            }
            LOG.warn("GC-FIN-XMPP-LOST agent={} node={}: {}", agent.agentId(), link.active().name(), String.valueOf(cause));
            link.suspect("XMPP session of " + agent.agentId() + " lost");
            scheduler.schedule(() -> Thread.ofVirtual().start(() -> reconnectAgent(agent, 1)),
                    settings.retryMin().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void onFinessePresence(FinesseXmppSession session, boolean available) {
            if (agent.session() == session) {
                link.finessePresence(available);
            }
        }
    }

    private static Set<CommandName> supported() {
        EnumSet<CommandName> all = EnumSet.allOf(CommandName.class);
        all.remove(CommandName.HELLO);
        all.remove(CommandName.BEAT);
        return Set.copyOf(all);
    }

}
