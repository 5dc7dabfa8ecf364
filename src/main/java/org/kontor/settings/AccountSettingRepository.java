package org.kontor.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountSettingRepository extends JpaRepository<AccountSetting, String> {
}
