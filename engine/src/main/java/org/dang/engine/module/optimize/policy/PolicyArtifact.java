package org.dang.engine.module.optimize.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.dang.engine.json.Json;
import org.dang.engine.module.optimize.training.TrainingPoint;

/**
 * A trained policy as stored: name and version ({@code trained_policy_v2}), how it was trained
 * (algorithm, seed, episodes, training curve, environment version) and the network's weights. The
 * hash is the SHA-256 of the canonical JSON of every other field, so the same training run gives
 * the same hash and any edit to the file is detected when it is loaded.
 *
 * @param name               {@code trained_policy_v<version>}
 * @param version            version number, from 1
 * @param algorithm          training algorithm
 * @param seed               training seed
 * @param episodes           episodes played in training (demonstrations included)
 * @param demonstrationEpisodes episodes of oracle demonstrations behaviour cloning learnt from
 * @param imitationLoss      mean cross-entropy loss at the end of behaviour cloning
 * @param environmentVersion environment the policy was trained in
 * @param features           observation features, in order
 * @param hidden             hidden units
 * @param params             network parameters (see {@link NetworkPolicy})
 * @param trainingCurve      one point per generation
 * @param hash               SHA-256 (hex) of the canonical JSON of the other fields
 */
public record PolicyArtifact(String name, int version, String algorithm, long seed, long episodes,
                             long demonstrationEpisodes, double imitationLoss, String environmentVersion, List<String> features, int hidden, double[] params,
                             List<TrainingPoint> trainingCurve, String hash) {

    /** Prefix of every policy name. */
    public static final String PREFIX = "trained_policy_v";

    public PolicyArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(environmentVersion, "environment_version");
        features = List.copyOf(features);
        Objects.requireNonNull(params, "params");
        params = params.clone();
        trainingCurve = List.copyOf(trainingCurve);
        hash = Objects.requireNonNullElse(hash, "");
    }

    /** The same artifact named as version {@code v}, with its hash computed. */
    public PolicyArtifact asVersion(int v) {
        PolicyArtifact unhashed = new PolicyArtifact(PREFIX + v, v, algorithm, seed, episodes, demonstrationEpisodes,
                imitationLoss, environmentVersion, features, hidden, params, trainingCurve, "");
        return new PolicyArtifact(unhashed.name, v, algorithm, seed, episodes, demonstrationEpisodes,
                imitationLoss, environmentVersion, features, hidden, params, trainingCurve, unhashed.computeHash());
    }

    /** SHA-256 (hex) of the canonical JSON of every field but the hash. */
    public String computeHash() {
        PolicyArtifact body = new PolicyArtifact(name, version, algorithm, seed, episodes, demonstrationEpisodes,
                imitationLoss, environmentVersion, features, hidden, params, trainingCurve, "");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Json.canonical(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The policy these weights describe. */
    public NetworkPolicy policy() {
        return new NetworkPolicy(features.size(), hidden, params);
    }

    @Override
    public double[] params() {
        return params.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyArtifact p && hash.equals(p.hash) && name.equals(p.name);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }
}
