/**
 * Our own Asterisk Manager Interface client: the wire codec ({@link org.genericconnector.asterisk.ami.AmiMessage},
 * {@link org.genericconnector.asterisk.ami.AmiFrameReader}, {@link org.genericconnector.asterisk.ami.AmiFrameWriter})
 * and a self-healing session ({@link org.genericconnector.asterisk.ami.AmiClient}) with ActionID correlation,
 * list collection, Ping liveness, reconnect with back-off and a resync hook after every login.
 *
 * <p>Public: the codec, the client, its configuration, listeners, results and failures. Package-private:
 * one connection ({@code AmiConnection}), login ({@code AmiLogin}), dispatch ({@code AmiDispatcher}),
 * liveness ({@code AmiKeepAlive}) and pending actions. Facts about the protocol come from real Asterisk 22
 * captures (src/test/resources/ami-transcripts); see the module README.
 */
package org.genericconnector.asterisk.ami;
