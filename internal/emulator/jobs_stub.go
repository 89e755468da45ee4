package emulator

func (e *Emulator) advanceLocked() {}

func (e *Emulator) scheduler() { defer e.wg.Done(); <-e.ctx.Done() }

// ChangeJobStatus applies a LinkedIn-side status change and notifies the application's webhook.
func (e *Emulator) ChangeJobStatus(c JobStatusChange) error { return errString("emulator: jobs not implemented yet") }

// RegisterWebhook registers (and starts validating) a webhook URL for an application.
func (e *Emulator) RegisterWebhook(application, url string) error {
	return errString("emulator: webhooks not implemented yet")
}

func (e *Emulator) webhookInfo(app string) (map[string]any, bool) { return nil, false }
