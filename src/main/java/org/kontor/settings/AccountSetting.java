package org.kontor.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "account_settings")
class AccountSetting {
    @Id
    private String name;
    private String valueText;
    private Instant updatedAt;

    protected AccountSetting() {
    }

    AccountSetting(String name, String valueText) {
        this.name = name;
        change(valueText);
    }

    void change(String valueText) {
        this.valueText = valueText;
        this.updatedAt = Instant.now();
    }

    String getValueText() {
        return valueText;
    }
}
