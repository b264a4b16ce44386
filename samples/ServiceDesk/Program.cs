return ServiceDesk.ServiceDeskApp.Run(args);
