package org.kontor.ticket;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Enums are stored as their Zendesk wire value, so the database reads like the API. */
final class WireEnumConverters {
    private WireEnumConverters() {
    }

    abstract static class Base<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {
        private final Class<E> type;

        Base(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.wire();
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : WireEnum.parse(type, value)
                    .orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " in database: " + value));
        }
    }

    @Converter(autoApply = true)
    static class StatusConverter extends Base<TicketStatus> {
        StatusConverter() {
            super(TicketStatus.class);
        }
    }

    @Converter(autoApply = true)
    static class PriorityConverter extends Base<Priority> {
        PriorityConverter() {
            super(Priority.class);
        }
    }

    @Converter(autoApply = true)
    static class TypeConverter extends Base<TicketType> {
        TypeConverter() {
            super(TicketType.class);
        }
    }

    @Converter(autoApply = true)
    static class ChannelConverter extends Base<Channel> {
        ChannelConverter() {
            super(Channel.class);
        }
    }
}
