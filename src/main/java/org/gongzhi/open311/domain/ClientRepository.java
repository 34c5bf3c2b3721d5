package org.gongzhi.open311.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClientRepository {

	private static final String COLUMNS = "id, name, enabled, created_at, created_by";

	private final JdbcClient jdbc;

	ClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Open311Client> findAll() {
		return jdbc.sql("select " + COLUMNS + " from open311.client order by enabled desc, lower(name)")
			.query(ClientRepository::map).list();
	}

	Optional<Open311Client> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from open311.client where id = :id").param("id", id)
			.query(ClientRepository::map).optional();
	}

	Optional<Open311Client> findEnabledByKeyHash(String hash) {
		return jdbc.sql("select " + COLUMNS + " from open311.client where api_key_hash = :h and enabled")
			.param("h", hash).query(ClientRepository::map).optional();
	}

	boolean nameTaken(String name) {
		return jdbc.sql("select count(*) from open311.client where lower(name) = lower(:name)").param("name", name)
			.query(Long.class).single() > 0;
	}

	/** Inserts the client unless one of that name (or key) exists; answers its id, or empty when it existed. */
	Optional<Long> insert(String name, String keyHash, String createdBy) {
		return jdbc.sql("""
				insert into open311.client (name, api_key_hash, enabled, created_by)
				values (:name, :hash, true, :by)
				on conflict do nothing
				returning id
				""").param("name", name).param("hash", keyHash).param("by", createdBy).query(Long.class).optional();
	}

	boolean disable(long id) {
		return jdbc.sql("update open311.client set enabled = false where id = :id and enabled").param("id", id)
			.update() > 0;
	}

	private static Open311Client map(ResultSet rs, int row) throws SQLException {
		return new Open311Client(rs.getLong("id"), rs.getString("name"), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

}
