package org.kontor.user;

/** Phone numbers are matched by their digits alone, whatever the formatting (R2). */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    public static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
