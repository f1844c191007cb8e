package cn.datahub.exchange;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One record's values by column, in the order read: the map a CSV row or a JSON-lines object is read into. Two
 * arrays rather than a {@link java.util.LinkedHashMap}, whose entries and table cost a record about a kilobyte and
 * the collector a third of a file's garbage. Jackson fills it through {@link #put}; the converter reads it through
 * {@link #forEach}, which allocates nothing. A column read twice keeps its first place and its last value, as a
 * linked map would.
 */
final class ColumnValues extends AbstractMap<String, Object> {

	private String[] columns = new String[24];

	private Object[] values = new Object[24];

	private int size;

	@Override
	public Object put(String column, Object value) {
		int place = indexOf(column);
		if (place >= 0) {
			Object before = this.values[place];
			this.values[place] = value;
			return before;
		}
		if (this.size == this.columns.length) {
			this.columns = Arrays.copyOf(this.columns, this.size * 2);
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.columns[this.size] = column;
		this.values[this.size++] = value;
		return null;
	}

	@Override
	public Object get(Object column) {
		int place = indexOf(column);
		return place < 0 ? null : this.values[place];
	}

	@Override
	public boolean containsKey(Object column) {
		return indexOf(column) >= 0;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public void forEach(BiConsumer<? super String, ? super Object> action) {
		for (int i = 0; i < this.size; i++) {
			action.accept(this.columns[i], this.values[i]);
		}
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<String, Object>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < ColumnValues.this.size;
					}

					@Override
					public Entry<String, Object> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int place = this.next++;
						return new SimpleImmutableEntry<>(ColumnValues.this.columns[place],
								ColumnValues.this.values[place]);
					}

				};
			}

			@Override
			public int size() {
				return ColumnValues.this.size;
			}

		};
	}

	/** Jackson names a row's columns with the same strings each row, so identity finds them first. */
	private int indexOf(Object column) {
		for (int i = 0; i < this.size; i++) {
			if (this.columns[i] == column) {
				return i;
			}
		}
		for (int i = 0; i < this.size; i++) {
			if (this.columns[i] != null && this.columns[i].equals(column)) {
				return i;
			}
		}
		return -1;
	}

}
