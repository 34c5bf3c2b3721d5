package org.gongzhi.area.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.gongzhi.area.GridLocation;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Locates points to grids (网格定位) from an in-memory {@link GridIndex}. The index is rebuilt on this node right after
 * a grid change commits, and on every other node when PostgreSQL notifies the change (with a periodic version check
 * as a safety net), so no node keeps answering from stale polygons.
 */
@Component
public class GridLocator implements SmartLifecycle {

	static final String CHANNEL = "gongzhi_grids";

	private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

	private static final long POLL_MILLIS = 5_000;

	private final AreaRepository areas;

	private final DataSource dataSource;

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile Snapshot snapshot = new Snapshot(GridIndex.empty(), new GridLocation[0], -1);

	private Thread listener;

	private volatile Connection listening;

	GridLocator(AreaRepository areas, DataSource dataSource) {
		this.areas = areas;
		this.dataSource = dataSource;
	}

	private record Snapshot(GridIndex index, GridLocation[] locations, long version) {
	}

	/** The grid containing the point, if any. */
	public Optional<GridLocation> locate(double lng, double lat) {
		Snapshot s = snapshot;
		int i = s.index().locate(lng, lat);
		return i < 0 ? Optional.empty() : Optional.of(s.locations()[i]);
	}

	/** The version of the grid polygons the index was built from. */
	public long version() {
		return snapshot.version();
	}

	public int size() {
		return snapshot.index().size();
	}

	/** Rebuilds the index from the database if its version moved on. */
	public synchronized void refresh() {
		long current = areas.gridIndexVersion();
		if (current != snapshot.version()) {
			rebuild(current);
		}
	}

	private void rebuild(long version) {
		long started = System.nanoTime();
		List<AreaRepository.IndexedGrid> grids = areas.indexedGrids();
		List<GridIndex.Shape> shapes = new ArrayList<>(grids.size());
		for (AreaRepository.IndexedGrid g : grids) {
			shapes.add(new GridIndex.Shape(g.code(), GeoJson.readStored(g.geojson())));
		}
		GridIndex index = GridIndex.build(shapes);
		GridLocation[] locations = new GridLocation[index.size()];
		java.util.Map<String, AreaRepository.IndexedGrid> byCode = new java.util.HashMap<>();
		grids.forEach(g -> byCode.put(g.code(), g));
		for (int i = 0; i < index.size(); i++) {
			AreaRepository.IndexedGrid g = byCode.get(index.shape(i).code());
			locations[i] = new GridLocation(g.code(), g.name(), g.communityCode(), g.communityName(), g.streetCode());
		}
		snapshot = new Snapshot(index, locations, version);
		log.info("Grid index version {} built: {} grids in {} ms", version, index.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	@Override
	public void start() {
		if (running.compareAndSet(false, true)) {
			refresh();
			listener = new Thread(this::listen, "grid-index-listener");
			listener.setDaemon(true);
			listener.start();
		}
	}

	@Override
	public void stop() {
		running.set(false);
		Connection connection = listening;
		if (connection != null) {
			try {
				// evicting through the pool closes the connection under the blocked listener without the pool
				// reporting it as broken when the listener then returns it
				if (dataSource.isWrapperFor(HikariDataSource.class)) {
					dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
				}
				else {
					connection.abort(Runnable::run);
				}
			}
			catch (SQLException ex) {
				log.debug("Closing the grid index listener connection failed", ex);
			}
		}
		if (listener != null) {
			listener.interrupt();
			try {
				listener.join(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running.get();
	}

	private void listen() {
		while (running.get()) {
			try (Connection connection = dataSource.getConnection()) {
				listening = connection;
				try (Statement st = connection.createStatement()) {
					st.execute("listen " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				refresh();
				while (running.get()) {
					PGNotification[] notifications = pg.getNotifications((int) POLL_MILLIS);
					if (notifications == null || notifications.length == 0) {
						try (Statement st = connection.createStatement()) {
							st.execute("select 1");
						}
					}
					refresh();
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!running.get()) {
					return;
				}
				log.warn("Grid index listener lost its connection; retrying: {}", ex.getMessage());
				try {
					Thread.sleep(POLL_MILLIS);
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
