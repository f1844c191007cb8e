package cn.datahub.catalogue;

import java.util.List;

/**
 * Published inside a catalogue transaction; listeners that act after commit (the index relay) pick up the
 * outbox rows it wrote.
 */
public record CatalogueChanged(int resources, List<String> published) {

	/**
	 * @param resources how many resources changed
	 * @param published the codes of the resources that are published after the change
	 */
	public CatalogueChanged {
		published = List.copyOf(published);
	}
}
