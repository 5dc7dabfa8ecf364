package org.kontor.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits one poll's messages into lanes that import side by side. Messages that may belong to one conversation
 * share a lane and keep their mailbox order there, so a reply fetched in the same poll as the mail it answers is
 * imported after it and threads onto its ticket. Two messages are related when they share a thread key: the
 * sender, a Message-ID (their own, In-Reply-To or References) or a ticket they name. Unrelated conversations are
 * dealt round-robin. Correctness does not rest on this: the import itself copes with concurrent changes to one
 * ticket or one new user (it retries), as it must for pushed mail; the lanes only keep conversations in order.
 */
final class ImportLanes {
    private ImportLanes() {
    }

    /**
     * The lanes for messages with the given thread keys (in mailbox order): each lane lists message indexes in
     * ascending order; at most {@code lanes} lanes, none empty.
     */
    static List<List<Integer>> assign(List<Set<String>> keysOfMessages, int lanes) {
        int n = keysOfMessages.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String key : keysOfMessages.get(i)) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, other, i);
                }
            }
        }
        int count = Math.max(1, Math.min(lanes, n));
        List<List<Integer>> result = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            result.add(new ArrayList<>());
        }
        Map<Integer, Integer> laneOfRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int lane = laneOfRoot.computeIfAbsent(find(parent, i), root -> laneOfRoot.size() % count);
            result.get(lane).add(i);
        }
        result.removeIf(List::isEmpty);
        return result;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        // The smaller index stays the root, so a conversation's lane is decided by its first message.
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
