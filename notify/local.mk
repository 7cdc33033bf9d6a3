# notify: what is due (handoffs, swap requests and answers, burnout
# alerts), the record of what was sent (store/notifications.c), and sending
# it by e-mail (SMTP) and webhook (http/). Above calendars/ and reports/,
# which it may use; neither of them includes notify/ (tests/layering.sh).
librota_a_SOURCES += \
	notify/notify-message.c notify/notify-message.h \
	notify/notify-send.c notify/notify-send.h \
	notify/notify.c notify/notify.h
