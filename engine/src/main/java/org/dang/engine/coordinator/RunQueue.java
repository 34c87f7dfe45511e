package org.dang.engine.coordinator;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.dang.engine.module.WorkPriority;

/**
 * A bounded priority queue of runs: highest {@link WorkPriority} first, FIFO within a priority.
 * When full, new work may only enter by displacing the newest run of the lowest queued priority,
 * and only if it strictly outranks it. Not thread-safe: the owning lane's lock guards it.
 */
final class RunQueue {

    /** What {@link #offer} did: whether the job entered, and which queued job it pushed out (or null). */
    record Offer(boolean admitted, RunJob displaced) {
    }

    private final int capacity;
    // RunJob.priority is mutable, so a job must leave the set before its priority changes (see raise).
    private final TreeSet<RunJob> jobs = new TreeSet<>(
            Comparator.comparing((RunJob j) -> j.priority).thenComparingLong(j -> j.seq));

    RunQueue(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return jobs.size();
    }

    boolean isEmpty() {
        return jobs.isEmpty();
    }

    /** Adds a job unless the queue is full of work at its priority or higher. */
    Offer offer(RunJob job) {
        RunJob displaced = null;
        if (jobs.size() >= capacity) {
            RunJob lowest = jobs.last();
            if (!job.priority.outranks(lowest.priority)) {
                return new Offer(false, null);
            }
            jobs.pollLast();
            displaced = lowest;
        }
        jobs.add(job);
        return new Offer(true, displaced);
    }

    /** The next job to run, or null when empty. */
    RunJob poll() {
        return jobs.pollFirst();
    }

    /** Removes a job; false when it was not queued. */
    boolean remove(RunJob job) {
        return jobs.remove(job);
    }

    /** Gives a job a new priority, re-sorting it if it is queued (it keeps its place among equals). */
    void reprioritise(RunJob job, WorkPriority priority) {
        boolean queued = jobs.remove(job);
        job.priority = priority;
        if (queued) {
            jobs.add(job);
        }
    }

    /** The queued jobs in the order they will run. */
    List<RunJob> inOrder() {
        return List.copyOf(jobs);
    }
}
