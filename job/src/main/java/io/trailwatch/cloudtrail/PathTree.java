package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The paths a flattener has built, as a tree: each node holds its path string and its children by
 * member name and by array index. Paths repeat from record to record ({@code userIdentity.arn} is
 * in every event), so walking down the tree hands out the same path instance again with no string
 * work; records held in state share their paths. Records of one kind also list their members in the
 * same order, so each node remembers which sibling followed it last time: the usual lookup is one
 * identity comparison.
 *
 * <p>Bounded: once {@link #MAX_NODES} paths are known (CloudTrail has a few hundred to a few
 * thousand), new paths are built as plain strings and not remembered, so hostile input cannot grow
 * the tree. Not thread-safe: one tree per reading thread ({@link #forThisThread}).
 */
final class PathTree {

    static final int MAX_NODES = 16_384;

    /** Array elements remembered per array; later indexes are built each time. */
    static final int MAX_ELEMENTS = 1024;

    private static final ThreadLocal<PathTree> PER_THREAD = ThreadLocal.withInitial(PathTree::new);

    final Node root = new Node(this, "", null, null);
    private int size;

    static PathTree forThisThread() {
        return PER_THREAD.get();
    }

    /** A top-level member whose index a reader looks up in every record. */
    enum TopLevel {
        EVENT_TIME("eventTime"),
        EVENT_NAME("eventName"),
        EVENT_SOURCE("eventSource"),
        EVENT_CATEGORY("eventCategory"),
        EVENT_TYPE("eventType"),
        EVENT_ID("eventID");

        static final TopLevel[] ALL = values();

        final String name;

        TopLevel(String name) {
            this.name = name;
        }

        static TopLevel of(String name) {
            for (TopLevel field : ALL) {
                if (field.name.equals(name)) {
                    return field;
                }
            }
            return null;
        }
    }

    /** One path. Children are remembered only while the tree has room ({@code tree != null}). */
    static final class Node {
        /** The tree that remembers this node's children; {@code null} for a node built once. */
        private final PathTree tree;

        final String path;

        /** The member name at the end of the path; {@code null} for the root and elements. */
        private final String name;

        /**
         * The name as quoted JSON, for {@link com.fasterxml.jackson.core.JsonParser#nextFieldName(
         * SerializableString)} to match in place; {@code null} for the root and elements.
         */
        final SerializableString quotedName;

        /** Set on the root's children that are {@link TopLevel} fields. */
        final TopLevel topLevel;

        /** The first member of this object last time: the guess for the next time. */
        private Node firstMember;

        /** The member that followed this one in its object last time. */
        private Node nextSibling;

        private String[] memberNames = new String[0];
        private Node[] members = new Node[0];
        private int memberCount;
        private Node[] elements = new Node[0];

        private Node(PathTree tree, String path, String name, TopLevel topLevel) {
            this.tree = tree;
            this.path = path;
            this.name = name;
            this.quotedName = name == null ? null : new SerializedString(name);
            this.topLevel = topLevel;
        }

        /**
         * The member expected after {@code previous} ({@code null}: the first), as it followed last
         * time; {@code null} if none did.
         */
        Node expectedAfter(Node previous) {
            return previous == null ? firstMember : previous.nextSibling;
        }

        /**
         * The node of member {@code name} of the object at this path, which follows member {@code
         * previous} ({@code null} for the first member).
         */
        Node memberAfter(Node previous, String name) {
            Node guess = previous == null ? firstMember : previous.nextSibling;
            if (guess != null && guess.name == name) {
                return guess;
            }
            Node found = member(name);
            if (found.tree != null) {
                if (previous == null) {
                    firstMember = found;
                } else {
                    previous.nextSibling = found;
                }
            }
            return found;
        }

        /** The node of member {@code name} of the object at this path. */
        Node member(String name) {
            String[] names = memberNames;
            if (names.length > 0) {
                int mask = names.length - 1;
                for (int slot = spread(name.hashCode()) & mask; ; slot = (slot + 1) & mask) {
                    String candidate = names[slot];
                    if (candidate == null) {
                        break;
                    }
                    // Jackson hands out canonical names: identity is the usual hit.
                    if (candidate == name || candidate.equals(name)) {
                        return members[slot];
                    }
                }
            }
            String childPath = path.isEmpty() ? name : path + '.' + name;
            TopLevel field = tree != null && this == tree.root ? TopLevel.of(name) : null;
            if (tree == null || tree.size >= MAX_NODES) {
                return new Node(null, childPath, name, field);
            }
            Node child = new Node(tree, childPath.intern(), name, field);
            addMember(name, child);
            tree.size++;
            return child;
        }

        /** The node of element {@code index} of the array at this path. */
        Node element(int index) {
            if (index < elements.length && elements[index] != null) {
                return elements[index];
            }
            String childPath = path + '[' + index + ']';
            if (tree == null || tree.size >= MAX_NODES || index >= MAX_ELEMENTS) {
                return new Node(null, childPath, null, null);
            }
            if (index >= elements.length) {
                Node[] grown = new Node[Math.min(MAX_ELEMENTS, Math.max(4, (index + 1) * 2))];
                System.arraycopy(elements, 0, grown, 0, elements.length);
                elements = grown;
            }
            Node child = new Node(tree, childPath.intern(), null, null);
            elements[index] = child;
            tree.size++;
            return child;
        }

        private void addMember(String name, Node child) {
            if ((memberCount + 1) * 2 > memberNames.length) {
                String[] oldNames = memberNames;
                Node[] oldMembers = members;
                int capacity = Math.max(4, oldNames.length * 2);
                memberNames = new String[capacity];
                members = new Node[capacity];
                memberCount = 0;
                for (int i = 0; i < oldNames.length; i++) {
                    if (oldNames[i] != null) {
                        put(oldNames[i], oldMembers[i]);
                    }
                }
            }
            put(name, child);
        }

        private void put(String name, Node child) {
            int mask = memberNames.length - 1;
            int slot = spread(name.hashCode()) & mask;
            while (memberNames[slot] != null) {
                slot = (slot + 1) & mask;
            }
            memberNames[slot] = name;
            members[slot] = child;
            memberCount++;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
