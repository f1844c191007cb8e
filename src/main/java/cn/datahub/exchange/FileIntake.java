package cn.datahub.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Optional;

import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Takes in a file dropped in {@code <inbox>/<resourceCode>/} or in a FILE attachment's folder (called by the
 * {@code pull-file} route): runs its
 * records to the resource's targets and, once every target confirmed them, moves it to {@code done/} beside it. A
 * file that can never go through (no such published resource, a format the hub does not read, a workbook that
 * cannot be opened or turns out damaged) moves to {@code failed/} with a failed run saying why, as does one a target
 * refused (an HTTP 4xx: it would be refused again); one whose target failed otherwise stays where it is and is read
 * again at a later poll.
 */
@Component
public class FileIntake {

	private static final Logger log = LoggerFactory.getLogger(FileIntake.class);

	private final Resources resources;

	private final ExchangePipeline pipeline;

	private final ExchangeTargets targets;

	private final ExchangeRuns runs;

	FileIntake(Resources resources, ExchangePipeline pipeline, ExchangeTargets targets, ExchangeRuns runs) {
		this.resources = resources;
		this.pipeline = pipeline;
		this.targets = targets;
		this.runs = runs;
	}

	/**
	 * @param resourceCode the resource a FILE attachment's folder feeds; blank for the inbox, whose folders are
	 * named by resource code
	 */
	public void receive(String path, String resourceCode) throws IOException {
		Path file = Path.of(path);
		String code = resourceCode == null || resourceCode.isBlank() ? file.getParent().getFileName().toString()
				: resourceCode;
		String source = "file:" + file.getFileName();
		Optional<Resource> resource = this.resources.find(code).filter(r -> r.status() == ResourceStatus.PUBLISHED);
		if (resource.isEmpty() || !SourceFiles.readable(file)) {
			refuse(file, code, source, resource.isEmpty() ? "no published resource " + code + " to take this file in"
					: "not a CSV, JSON-lines or XLSX file");
			return;
		}
		SourceFiles.RecordStream records;
		try {
			records = SourceFiles.open(file);
		}
		catch (UnreadableDrop ex) {
			refuse(file, code, source, ex.getMessage());
			return;
		}
		try (records) {
			this.pipeline.run(resource.get(), source, batchPrefix(file), records, this.targets.of(resource.get()));
		}
		catch (TargetRefused | UnreadableDrop ex) {
			// the pipeline logged the failed runs; the file would fail the same way again
			log.warn("Moved {} to failed/: {}", file, ex.getMessage());
			moveTo(file, "failed");
			return;
		}
		moveTo(file, "done");
	}

	/** Sets aside a file that cannot go through at all, with a failed run saying why. */
	private void refuse(Path file, String code, String source, String reason) throws IOException {
		this.runs.finish(this.runs.start(code, source, "-"), 0, 0, 0, reason);
		log.warn("Moved {} to failed/: {}", file, reason);
		moveTo(file, "failed");
	}

	/**
	 * Names the file's batches after its name, size and modification time: the same file read again after a
	 * crash gives the same names, a new file of the same name does not.
	 */
	private static String batchPrefix(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		String stem = file.getFileName().toString().replaceAll("\\.[^.]*$", "").replaceAll("[^\\p{L}\\p{N}_-]", "_");
		long identity = attributes.size() * 31 + attributes.lastModifiedTime().toMillis();
		return stem + "-" + HexFormat.of().toHexDigits(identity).substring(8);
	}

	private static void moveTo(Path file, String folder) throws IOException {
		Path target = Files.createDirectories(file.resolveSibling(folder)).resolve(file.getFileName());
		Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
	}

}
