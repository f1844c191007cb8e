package cn.datahub.security;

import java.security.SecureRandom;
import java.util.Set;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.datahub.audit.AuditTrail;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The first account: at the first start the hub creates {@code admin} with the password of
 * {@code HUB_ADMIN_PASSWORD}, or, when that is unset, a generated one printed to the log this once (the only secret
 * the hub ever logs, so that a fresh installation can be entered at all).
 */
@Component
class AdminAccount implements InitializingBean {

	static final String USERNAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final Accounts accounts;

	private final SecurityProperties properties;

	private final AuditTrail audit;

	AdminAccount(Accounts accounts, SecurityProperties properties, AuditTrail audit) {
		this.accounts = accounts;
		this.properties = properties;
		this.audit = audit;
	}

	/** Before the server takes its first request: there is no moment when the hub is up and nobody can sign in. */
	@Override
	public void afterPropertiesSet() {
		if (this.accounts.exists(USERNAME)) {
			return;
		}
		String password = this.properties.adminPassword();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			password = generate();
		}
		String hash = new DefaultPasswordService().encryptPassword(password);
		Account admin = new Account(USERNAME, hash, null, null, Set.of(Role.ADMIN), 0, null);
		this.accounts.insert(admin);
		this.audit.changed("account.create", "account:" + USERNAME, null, admin);
		if (generated) {
			log.warn("Created account '{}' with the generated password {} (shown only this once; set "
					+ "HUB_ADMIN_PASSWORD before the first start to choose it, and change it through /api/accounts)",
					USERNAME, password);
		}
		else {
			log.info("Created account '{}' with the password of HUB_ADMIN_PASSWORD", USERNAME);
		}
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
