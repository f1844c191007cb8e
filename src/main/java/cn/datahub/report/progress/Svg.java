package cn.datahub.report.progress;

import java.util.Locale;

import static cn.datahub.report.progress.ProgressPage.escape;

/**
 * An SVG drawing written as text for the page's charts: the few shapes they use, coordinates to a tenth of a
 * pixel, every text and tooltip escaped. Charts are drawn on the server so that the page needs no script.
 */
final class Svg {

	private final StringBuilder markup = new StringBuilder();

	/** A drawing of {@code width} by {@code height} pixels, {@code title} naming it for screen readers. */
	Svg(String name, int width, double height, String title) {
		this.markup.append("<svg class=\"chart ").append(name).append("\" role=\"img\" width=\"").append(width)
			.append("\" height=\"").append(number(height)).append("\" viewBox=\"0 0 ").append(width).append(' ')
			.append(number(height)).append("\">\n<title>").append(escape(title)).append("</title>\n");
	}

	/**
	 * An element such as {@code rect} or {@code circle}, with its attributes as name and value pairs and, unless
	 * {@code tooltip} is {@code null}, a tooltip.
	 */
	Svg shape(String element, String css, String tooltip, Object... attributes) {
		this.markup.append('<').append(element).append(" class=\"").append(css).append('"');
		for (int i = 0; i < attributes.length; i += 2) {
			Object value = attributes[i + 1];
			this.markup.append(' ').append(attributes[i]).append("=\"")
				.append(value instanceof Double d ? number(d) : escape(String.valueOf(value))).append('"');
		}
		if (tooltip == null) {
			this.markup.append("/>\n");
		}
		else {
			this.markup.append("><title>").append(escape(tooltip)).append("</title></").append(element).append(">\n");
		}
		return this;
	}

	Svg line(String css, double x1, double y1, double x2, double y2) {
		return shape("line", css, null, "x1", x1, "y1", y1, "x2", x2, "y2", y2);
	}

	Svg text(String css, double x, double y, String anchor, String content) {
		this.markup.append("<text class=\"").append(css).append("\" x=\"").append(number(x)).append("\" y=\"")
			.append(number(y)).append("\" text-anchor=\"").append(anchor).append("\">").append(escape(content))
			.append("</text>\n");
		return this;
	}

	/** Starts a group of shapes; {@link #endGroup()} ends it. */
	Svg group(String css) {
		this.markup.append("<g class=\"").append(css).append("\">\n");
		return this;
	}

	Svg endGroup() {
		this.markup.append("</g>\n");
		return this;
	}

	/** The finished drawing. */
	String end() {
		return this.markup.append("</svg>\n").toString();
	}

	static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
