package org.kontor.user;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class RoleConverter implements AttributeConverter<Role, String> {
    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wire();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return Role.fromWire(value).orElseThrow(() -> new IllegalStateException("Unknown role in database: " + value));
    }
}
