return await ServiceDesk.Orleans.OrleansApp.RunAsync(args);
