package org.kontor.view;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.kontor.group.SharedTool;

/** A saved ticket filter in the side bar, shared with all agents, one group's members, or personal to one agent. */
@Entity
@Table(name = "custom_views")
public class CustomView extends SharedTool {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "custom_view_seq")
    @SequenceGenerator(name = "custom_view_seq", sequenceName = "custom_view_seq", allocationSize = 1)
    private Long id;
    private String conditionsJson;
    @Transient
    private ViewConditions conditions;

    protected CustomView() {
    }

    CustomView(CustomViewDraft draft, Instant now) {
        super(now);
        change(draft, now);
    }

    void change(CustomViewDraft draft, Instant now) {
        describe(draft.title(), draft.description(), draft.active(), draft.restriction(), now);
        if (draft.conditions() != null) {
            this.conditions = draft.conditions();
            this.conditionsJson = draft.conditions().toJson().toString();
        }
    }

    public ViewConditions conditions() {
        if (conditions == null) {
            conditions = ViewConditions.fromStored(conditionsJson);
        }
        return conditions;
    }

    @Override
    public Long getId() {
        return id;
    }
}
