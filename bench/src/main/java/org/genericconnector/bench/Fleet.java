package org.genericconnector.bench;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

/**
 * The load: {@code clients} client destinations and the population's agents {@code first ..
 * first + agents - 1} spread over them (agent index {@code i} belongs to client
 * {@code (i - first) % clients}). Thread-safe as its clients are.
 */
public final class Fleet implements AutoCloseable {
    private final List<LoadClient> clients = new ArrayList<>();
    private final Population population;
    private final int first;
    private final int agents;
    private volatile String target;

    public Fleet(ConnectionFactory factory, String topicPrefix, int clients, Population population, int first,
                 int agents, String commandTopic) throws JMSException {
        this.population = population;
        this.first = first;
        this.agents = agents;
        this.target = commandTopic;
        try {
            for (int c = 0; c < clients; c++) {
                this.clients.add(new LoadClient(factory, topicPrefix + "." + c, commandTopic));
            }
        } catch (JMSException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public List<LoadClient> clients() {
        return clients;
    }

    public int size() {
        return clients.size();
    }

    public int first() {
        return first;
    }

    public int agents() {
        return agents;
    }

    public Population population() {
        return population;
    }

    /** The client that owns agent index {@code i}. */
    public LoadClient clientOf(int agentIndex) {
        return clients.get((agentIndex - first) % clients.size());
    }

    /** The {@code k}-th agent index (0-based) of client {@code c}, cycling through its agents. */
    public int agentOf(int c, long k) {
        int perClient = agents / clients.size();
        return first + (int) (k % perClient) * clients.size() + c;
    }

    /** Points every client's commands at {@code commandTopic}. */
    public void target(String commandTopic) throws JMSException {
        for (LoadClient c : clients) {
            c.target(commandTopic);
        }
        target = commandTopic;
    }

    /** The command topic the clients send to now. */
    public String target() {
        return target;
    }

    public void sink(LoadClient.Sink sink) {
        clients.forEach(c -> c.sink(sink));
    }

    @Override
    public void close() {
        clients.forEach(LoadClient::close);
    }
}
