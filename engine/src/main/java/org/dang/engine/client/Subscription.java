package org.dang.engine.client;

/** A registered change listener; closing it stops the calls. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
