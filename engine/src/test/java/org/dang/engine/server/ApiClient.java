package org.dang.engine.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.dang.engine.json.Json;

/** A test client of the API over real HTTP (java.net.http). */
final class ApiClient {

    /** A response with its body parsed as JSON. */
    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String error() {
            return json.path("error").asText();
        }

        String field() {
            return json.path("field").isNull() ? null : json.path("field").asText();
        }
    }

    private final HttpClient http;
    private final URI base;

    ApiClient(URI base) {
        this(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    ApiClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET().build());
    }

    Answer post(String path, String token, String body) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = r.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(r.body());
        return new Answer(r.statusCode(), json, r);
    }
}
