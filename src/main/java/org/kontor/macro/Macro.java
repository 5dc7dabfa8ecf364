package org.kontor.macro;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.kontor.group.SharedTool;

/** A prepared reply and field changes, shared with all agents, one group's members, or personal to one agent. */
@Entity
@Table(name = "macros")
public class Macro extends SharedTool {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "macro_seq")
    @SequenceGenerator(name = "macro_seq", sequenceName = "macro_seq", allocationSize = 1)
    private Long id;
    private String actionsJson;
    @Transient
    private MacroActions actions;

    protected Macro() {
    }

    Macro(MacroDraft draft, Instant now) {
        super(now);
        change(draft, now);
    }

    /** Applies what the draft gives; absent parts stay. */
    void change(MacroDraft draft, Instant now) {
        describe(draft.title(), draft.description(), draft.active(), draft.restriction(), now);
        if (draft.actions() != null) {
            this.actions = draft.actions();
            this.actionsJson = draft.actions().toJson().toString();
        }
    }

    public MacroActions actions() {
        if (actions == null) {
            actions = MacroActions.fromStored(actionsJson);
        }
        return actions;
    }

    @Override
    public Long getId() {
        return id;
    }
}
