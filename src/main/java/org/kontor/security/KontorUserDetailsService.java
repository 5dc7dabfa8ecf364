package org.kontor.security;

import org.kontor.user.UserService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class KontorUserDetailsService implements UserDetailsService {
    private final UserService users;

    KontorUserDetailsService(UserService users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email).filter(u -> u.getPasswordHash() != null).map(KontorUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No user with a password for " + email));
    }
}
