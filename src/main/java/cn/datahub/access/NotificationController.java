package cn.datahub.access;

import java.util.List;

import cn.datahub.catalogue.NotFound;
import cn.datahub.security.Caller;
import cn.datahub.security.Forbidden;
import cn.datahub.security.Guard;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox of the caller's department: a notice for every change to a request it is party to.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final Notifications notifications;

	private final Guard guard;

	NotificationController(Notifications notifications, Guard guard) {
		this.notifications = notifications;
		this.guard = guard;
	}

	@GetMapping
	List<Notification> inbox(@RequestParam(defaultValue = "false") boolean unread) {
		return this.notifications.of(department(), unread);
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(@PathVariable long id) {
		if (!this.notifications.markRead(id, department())) {
			throw new NotFound("notification", String.valueOf(id));
		}
	}

	private String department() {
		Caller caller = this.guard.caller();
		if (caller.departmentCode() == null) {
			throw new Forbidden(caller.username() + " belongs to no department and has no inbox");
		}
		return caller.departmentCode();
	}

}
