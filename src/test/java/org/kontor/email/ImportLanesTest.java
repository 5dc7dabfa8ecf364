package org.kontor.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How one poll's messages are split into import lanes: a conversation stays in one lane, in mailbox order. */
class ImportLanesTest {

    @Test
    void messagesSharingASenderAMessageIdOrATicketShareALaneInMailboxOrder() {
        List<Set<String>> keys = List.of(
                Set.of("from:alice@x.example", "id:<a1@x>"),                   // 0 Alice opens
                Set.of("from:bob@x.example", "id:<b1@x>"),                     // 1 unrelated
                Set.of("from:carol@x.example", "id:<c1@x>", "id:<a1@x>"),      // 2 Carol answers Alice's mail
                Set.of("from:dave@x.example", "id:<d1@x>", "ticket:42"),       // 3 names ticket 42
                Set.of("from:erin@x.example", "id:<e1@x>", "ticket:42"),       // 4 names ticket 42 too
                Set.of("from:carol@x.example", "id:<c2@x>"),                   // 5 Carol again
                Set.of(),                                                        // 6 unreadable headers
                Set.of("from:frank@x.example", "id:<f1@x>"));                  // 7 unrelated

        List<List<Integer>> lanes = ImportLanes.assign(keys, 4);

        assertThat(lanes).hasSize(4);
        assertThat(lanes.stream().flatMap(List::stream).sorted().toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(laneOf(lanes, 0)).isEqualTo(laneOf(lanes, 2)).isEqualTo(laneOf(lanes, 5));
        assertThat(laneOf(lanes, 3)).isEqualTo(laneOf(lanes, 4));
        assertThat(laneOf(lanes, 0)).isNotEqualTo(laneOf(lanes, 1)).isNotEqualTo(laneOf(lanes, 3));
        for (List<Integer> lane : lanes) {
            assertThat(lane).isSorted();
        }
    }

    @Test
    void neverMoreLanesThanMessagesAndOneLaneKeepsEverythingInOrder() {
        List<Set<String>> keys = List.of(Set.of("from:a@x.example"), Set.of("from:b@x.example"));
        assertThat(ImportLanes.assign(keys, 8)).containsExactly(List.of(0), List.of(1));
        assertThat(ImportLanes.assign(keys, 1)).containsExactly(List.of(0, 1));
        assertThat(ImportLanes.assign(List.of(), 4)).isEmpty();
    }

    private static int laneOf(List<List<Integer>> lanes, int message) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).contains(message)) {
                return i;
            }
        }
        throw new AssertionError("message " + message + " is in no lane");
    }
}
