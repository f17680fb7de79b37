package org.genericconnector.servicemanager;

/** What start/stop/restart/status act on. */
enum Target {
    connector, broker, all
}
