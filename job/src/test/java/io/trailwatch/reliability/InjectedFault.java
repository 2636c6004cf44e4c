package io.trailwatch.reliability;

/** The failure a test injects on purpose; its message says where, so logs tell it from a bug. */
final class InjectedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFault(String where) {
        super("injected fault: " + where);
    }
}
