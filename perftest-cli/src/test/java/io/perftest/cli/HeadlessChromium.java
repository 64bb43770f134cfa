package io.perftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (JDK WebSocket, loopback only): opens a
 * page, records every network request, console message and exception, answers questions about
 * the page and takes a full-page screenshot. Started with a fresh profile and every background
 * service off, so the only requests are the page's own.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final long TIMEOUT_SECONDS = 30;

    private final Process process;
    private final WebSocket socket;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    /** What happened while a page loaded. */
    record PageVisit(List<String> requests, List<String> consoleErrors, byte[] screenshot, JsonNode facts) {
    }

    /** The chromium executable, if installed. */
    static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    HeadlessChromium(Path executable, Path profile) throws Exception {
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
                url.completeExceptionally(new IOException("chromium exited before DevTools listened"));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        String ws = url.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(ws), new Listener())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Loads {@code file}, waits for the load event, and takes a full-page screenshot {@code width} px wide. */
    PageVisit visit(Path file, int width) throws Exception {
        String target = call("Target.createTarget", Map.of("url", "about:blank"), null).get("targetId").asText();
        String session = call("Target.attachToTarget", Map.of("targetId", target, "flatten", true), null).get("sessionId").asText();
        for (String domain : List.of("Page", "Network", "Runtime", "Log")) {
            call(domain + ".enable", Map.of(), session);
        }
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false),
                session);
        synchronized (events) {
            events.clear();
        }
        call("Page.navigate", Map.of("url", file.toUri().toString()), session);
        awaitEvent("Page.loadEventFired", session);
        JsonNode facts = json.readTree(call("Runtime.evaluate", Map.of("returnByValue", true, "expression",
                "JSON.stringify({height: document.documentElement.scrollHeight, scripts: document.scripts.length,"
                        + " text: document.body.innerText, images: Array.from(document.images).map(i => {"
                        + " const r = i.getBoundingClientRect();"
                        + " return {alt: i.alt, complete: i.complete, naturalWidth: i.naturalWidth,"
                        + " x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY),"
                        + " width: Math.round(r.width), height: Math.round(r.height)}; })})"), session)
                .get("result").get("value").asText());
        int height = Math.min(facts.get("height").asInt(), 16_000);
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)), session);
        List<String> requests = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) {
                String method = e.path("method").asText();
                JsonNode p = e.path("params");
                switch (method) {
                    case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                    case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails").toString());
                    case "Runtime.consoleAPICalled" -> {
                        if (p.path("type").asText().equals("error") || p.path("type").asText().equals("warning")) {
                            errors.add("console." + p.path("type").asText() + ": " + p.path("args").toString());
                        }
                    }
                    case "Log.entryAdded" -> {
                        String level = p.path("entry").path("level").asText();
                        if (level.equals("error") || level.equals("warning")) {
                            errors.add("log " + level + ": " + p.path("entry").path("text").asText() + " "
                                    + p.path("entry").path("url").asText());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        call("Target.closeTarget", Map.of("targetId", target), null);
        return new PageVisit(requests, errors, Base64.getDecoder().decode(shot.get("data").asText()), facts);
    }

    private JsonNode call(String method, Map<String, Object> params, String session) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = json.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", json.valueToTree(params));
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(json.writeValueAsString(msg), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        JsonNode r = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IOException(method + ": " + r.get("error"));
        }
        return r.get("result");
    }

    private void awaitEvent(String method, String session) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (events) {
            while (events.stream().noneMatch(e -> e.path("method").asText().equals(method)
                    && e.path("sessionId").asText().equals(session))) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IOException("no " + method + " within " + TIMEOUT_SECONDS + " s");
                }
                events.wait(left);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser is stopped below either way
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Collects text frames into messages; replies complete their call, everything else is an event. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = json.readTree(partial.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else {
                        synchronized (events) {
                            events.add(msg);
                            events.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // not JSON: ignore the frame
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
