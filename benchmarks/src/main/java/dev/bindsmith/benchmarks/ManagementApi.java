package dev.bindsmith.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One management API under test, as its own users call it: bindsmith's ({@code POST /api/v1/zones} …)
 * or PowerDNS's ({@code POST /api/v1/servers/localhost/zones} …). Each call is one HTTP request over
 * the caller's keep-alive client; a call that does not get the documented success status throws, so
 * that a benchmark never counts failures as work done.
 */
interface ManagementApi extends AutoCloseable {

    /** What the table calls it: {@code bindsmith + named}. */
    String label();

    /** The process that answers the API (for its resident set size). */
    long pid();

    /** How long the last start took from the process's launch to its first successful answer. */
    Duration startUp();

    /** A client for one caller (one keep-alive connection at a time). */
    default HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A small primary zone: SOA, NS, the name server's address, {@code www}; taking signed updates. */
    void createZone(HttpClient client, String zone) throws IOException, InterruptedException;

    /** One A record at a new owner name. */
    void addRecord(HttpClient client, String zone, String owner, String address)
            throws IOException, InterruptedException;

    /** Many A records at new owner names in one request (bindsmith: one change set; PowerDNS: one PATCH). */
    void addRecords(HttpClient client, String zone, Map<String, String> ownersToAddresses)
            throws IOException, InterruptedException;

    /** Every zone, unpaged; answers how many the body listed. */
    int listZones(HttpClient client) throws IOException, InterruptedException;

    void deleteZone(HttpClient client, String zone) throws IOException, InterruptedException;

    /** Stops the process and starts it again on the same data, timing the start. */
    void restart() throws IOException, InterruptedException;

    @Override
    void close();

    // ---- shared plumbing ----

    /** Sends {@code request} and checks its status; the body is returned for the callers that read it. */
    static String send(HttpClient client, HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode()
                    + " (expected " + expected + "): " + abbreviate(r.body()));
        }
        return r.body();
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** Polls {@code uri} until it answers 200; the time from {@code launched} to that answer. */
    static Duration awaitFirstAnswer(
            Process process, long launched, URI uri, Map<String, String> headers, Path log, Duration limit)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(500))
                .build();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2));
        headers.forEach(b::header);
        HttpRequest request = b.build();
        long deadline = launched + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the process ended before it answered; its log is " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launched);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IOException("no answer within " + limit.toSeconds() + " s; its log is " + log);
    }
}
